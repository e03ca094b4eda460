CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"user_id" uuid,
	"bot_id" uuid,
	"product_id" uuid,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text,
	"origin" text NOT NULL,
	"dedupe_key" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_text_revisions" (
	"bot_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "bot_text_revisions_positive" CHECK ("bot_text_revisions"."revision" > 0)
);
--> statement-breakpoint
CREATE TABLE "bot_texts" (
	"bot_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"key" text NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_texts_bot_id_locale_key_pk" PRIMARY KEY("bot_id","locale","key")
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_text_revisions" ADD CONSTRAINT "bot_text_revisions_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_texts" ADD CONSTRAINT "bot_texts_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_bot_type_time_idx" ON "events" USING btree ("bot_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "events_product_idx" ON "events" USING btree ("product_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "events_user_time_idx" ON "events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_occurred_idx" ON "events" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "events_dedupe_idx" ON "events" USING btree ("type","dedupe_key") WHERE "events"."dedupe_key" is not null;