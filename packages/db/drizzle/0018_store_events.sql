CREATE TABLE "store_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid NOT NULL,
	"bot_id" uuid NOT NULL,
	"product_id" uuid,
	"source" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_events" ADD CONSTRAINT "store_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_events_product_idx" ON "store_events" USING btree ("product_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "store_events_occurred_idx" ON "store_events" USING btree ("occurred_at");