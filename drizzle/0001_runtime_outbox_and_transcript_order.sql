DROP INDEX "messages_conversation_idx";--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "channel" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "position" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" text DEFAULT 'send' NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","position");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('send', 'http'));