ALTER TABLE "bots" ADD COLUMN "notice_chat_id" bigint;--> statement-breakpoint
ALTER TABLE "bots" ADD COLUMN "notice_locale" text DEFAULT 'en' NOT NULL;