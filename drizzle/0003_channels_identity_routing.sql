CREATE TABLE "contact_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"identity" text NOT NULL,
	"conversation_id" uuid,
	"moved" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text,
	CONSTRAINT "contact_merges_reason_check" CHECK ("contact_merges"."reason" in ('identify', 'continue-link'))
);
--> statement-breakpoint
CREATE TABLE "email_inbound" (
	"message_id" text PRIMARY KEY NOT NULL,
	"from_address" text NOT NULL,
	"inbox" text,
	"subject" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbound" (
	"message_id" text PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_outbound_status_check" CHECK ("email_outbound"."status" in ('sending', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "line_users" (
	"user_id" text PRIMARY KEY NOT NULL,
	"followed" boolean DEFAULT true NOT NULL,
	"reply_token" text,
	"reply_token_at" timestamp with time zone,
	"reply_token_used_at" timestamp with time zone,
	"profile_fetched_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "canned_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"shortcut" text,
	"text" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canned_responses_title_key" UNIQUE("title")
);
--> statement-breakpoint
CREATE TABLE "conversation_path" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"node" text NOT NULL,
	"flow" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_id" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "twilio_call_steps" (
	"call_sid" text NOT NULL,
	"step" integer NOT NULL,
	"position" bigint NOT NULL,
	"kind" text NOT NULL,
	"timer_token" text,
	"twiml" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "twilio_call_steps_call_sid_step_pk" PRIMARY KEY("call_sid","step")
);
--> statement-breakpoint
CREATE TABLE "twilio_calls" (
	"call_sid" text PRIMARY KEY NOT NULL,
	"conversation_id" uuid,
	"from" text NOT NULL,
	"to" text NOT NULL,
	"start_position" bigint NOT NULL,
	"end_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "twilio_conversation_numbers" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "twilio_sms_sends" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"message_id" uuid,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"message_sid" text,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "twilio_sms_sends_message_sid_unique" UNIQUE("message_sid")
);
--> statement-breakpoint
CREATE TABLE "twilio_sms_statuses" (
	"message_sid" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_identities" DROP CONSTRAINT "contact_identities_channel_check";--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_survivor_id_contacts_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_merged_id_contacts_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_profiles" ADD CONSTRAINT "agent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_records" ADD CONSTRAINT "handoff_records_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_path" ADD CONSTRAINT "conversation_path_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_notes" ADD CONSTRAINT "desk_notes_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_notes" ADD CONSTRAINT "desk_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_call_steps" ADD CONSTRAINT "twilio_call_steps_call_sid_twilio_calls_call_sid_fk" FOREIGN KEY ("call_sid") REFERENCES "public"."twilio_calls"("call_sid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_calls" ADD CONSTRAINT "twilio_calls_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_conversation_numbers" ADD CONSTRAINT "twilio_conversation_numbers_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_sms_sends" ADD CONSTRAINT "twilio_sms_sends_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_sms_sends" ADD CONSTRAINT "twilio_sms_sends_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_merges_survivor_idx" ON "contact_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "contact_merges_merged_idx" ON "contact_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "contact_merges_created_idx" ON "contact_merges" USING btree ("created_at" desc);--> statement-breakpoint
CREATE INDEX "email_inbound_from_idx" ON "email_inbound" USING btree ("from_address","received_at");--> statement-breakpoint
CREATE INDEX "email_outbound_conversation_idx" ON "email_outbound" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "handoff_records_open_idx" ON "handoff_records" USING btree ("status","queue") WHERE "handoff_records"."status" in ('waiting', 'assigned');--> statement-breakpoint
CREATE INDEX "handoff_records_conversation_idx" ON "handoff_records" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "handoff_records_agent_idx" ON "handoff_records" USING btree ("agent_id") WHERE "handoff_records"."status" = 'assigned';--> statement-breakpoint
CREATE INDEX "conversation_path_conversation_idx" ON "conversation_path" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "desk_notes_conversation_idx" ON "desk_notes" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "twilio_calls_conversation_idx" ON "twilio_calls" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "twilio_sms_sends_conversation_idx" ON "twilio_sms_sends" USING btree ("conversation_id");--> statement-breakpoint
ALTER TABLE "contact_identities" ADD CONSTRAINT "contact_identities_channel_check" CHECK ("contact_identities"."channel" in ('webchat', 'voice', 'sms', 'line', 'email', 'api', 'phone'));