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
ALTER TABLE "twilio_call_steps" ADD CONSTRAINT "twilio_call_steps_call_sid_twilio_calls_call_sid_fk" FOREIGN KEY ("call_sid") REFERENCES "public"."twilio_calls"("call_sid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_calls" ADD CONSTRAINT "twilio_calls_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_conversation_numbers" ADD CONSTRAINT "twilio_conversation_numbers_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_sms_sends" ADD CONSTRAINT "twilio_sms_sends_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "twilio_sms_sends" ADD CONSTRAINT "twilio_sms_sends_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "twilio_calls_conversation_idx" ON "twilio_calls" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "twilio_sms_sends_conversation_idx" ON "twilio_sms_sends" USING btree ("conversation_id");