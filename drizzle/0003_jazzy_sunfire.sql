CREATE TABLE "agent_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" jsonb NOT NULL,
	"presence" text DEFAULT 'offline' NOT NULL,
	"presence_since" timestamp with time zone DEFAULT now() NOT NULL,
	"idle_since" timestamp with time zone DEFAULT now() NOT NULL,
	"read_transcripts" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_profiles_presence_check" CHECK ("agent_profiles"."presence" in ('available', 'busy', 'away', 'offline'))
);
--> statement-breakpoint
CREATE TABLE "handoff_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"queue" text NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"agent_id" text,
	"queued_at" timestamp with time zone NOT NULL,
	"waiting_since" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"first_response_seconds" integer,
	"handle_seconds" integer,
	"disposition" text,
	"transfers" integer DEFAULT 0 NOT NULL,
	"told_position" integer,
	"told_at" timestamp with time zone,
	"wants_position" boolean DEFAULT false NOT NULL,
	CONSTRAINT "handoff_records_status_check" CHECK ("handoff_records"."status" in ('waiting', 'assigned', 'resolved', 'abandoned', 'timeout', 'closed')),
	CONSTRAINT "handoff_records_channel_check" CHECK ("handoff_records"."channel" in ('webchat', 'voice', 'sms', 'line', 'email', 'api'))
);
--> statement-breakpoint
CREATE TABLE "routing_queues" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"required_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"hours" jsonb,
	"when_closed" text DEFAULT 'stay' NOT NULL,
	"max_wait_seconds" integer,
	"overflow_queue" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_queues_when_closed_check" CHECK ("routing_queues"."when_closed" in ('stay', 'overflow'))
);
--> statement-breakpoint
ALTER TABLE "agent_profiles" ADD CONSTRAINT "agent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handoff_records_open_idx" ON "handoff_records" USING btree ("status","queue") WHERE "handoff_records"."status" in ('waiting', 'assigned');--> statement-breakpoint
CREATE INDEX "handoff_records_conversation_idx" ON "handoff_records" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "handoff_records_agent_idx" ON "handoff_records" USING btree ("agent_id") WHERE "handoff_records"."status" = 'assigned';