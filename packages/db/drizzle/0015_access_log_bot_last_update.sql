CREATE TABLE "access_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"bot_id" uuid,
	"chat_id" bigint NOT NULL,
	"user_id" uuid,
	"telegram_user_id" bigint,
	"subscription_id" uuid,
	"invite_link" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"event_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "access_logs_event_key_unique" UNIQUE("event_key")
);
--> statement-breakpoint
ALTER TABLE "bots" ADD COLUMN "last_update_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "access_logs_chat_idx" ON "access_logs" USING btree ("chat_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "access_logs_user_idx" ON "access_logs" USING btree ("user_id","occurred_at");