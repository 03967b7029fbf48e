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
ALTER TABLE "contact_identities" DROP CONSTRAINT "contact_identities_channel_check";--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_survivor_id_contacts_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_merged_id_contacts_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_merges" ADD CONSTRAINT "contact_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbound" ADD CONSTRAINT "email_outbound_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_merges_survivor_idx" ON "contact_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "contact_merges_merged_idx" ON "contact_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "contact_merges_created_idx" ON "contact_merges" USING btree ("created_at" desc);--> statement-breakpoint
CREATE INDEX "email_inbound_from_idx" ON "email_inbound" USING btree ("from_address","received_at");--> statement-breakpoint
CREATE INDEX "email_outbound_conversation_idx" ON "email_outbound" USING btree ("conversation_id","created_at");--> statement-breakpoint
ALTER TABLE "contact_identities" ADD CONSTRAINT "contact_identities_channel_check" CHECK ("contact_identities"."channel" in ('webchat', 'voice', 'sms', 'line', 'email', 'api', 'phone'));