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
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_inbound_from_idx" ON "email_inbound" USING btree ("from_address","received_at");--> statement-breakpoint
CREATE INDEX "email_outbound_conversation_idx" ON "email_outbound" USING btree ("conversation_id","created_at");