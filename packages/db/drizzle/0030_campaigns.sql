CREATE TABLE "campaign_sends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occasion" text NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"promo_code" text,
	"error" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"bot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"texts" jsonb NOT NULL,
	"delay" integer NOT NULL,
	"percent_off" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_settings_bot_id_kind_pk" PRIMARY KEY("bot_id","kind")
);
--> statement-breakpoint
ALTER TABLE "campaign_sends" ADD CONSTRAINT "campaign_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_sends_once_idx" ON "campaign_sends" USING btree ("kind","occasion");--> statement-breakpoint
CREATE INDEX "campaign_sends_bot_idx" ON "campaign_sends" USING btree ("bot_id","kind","status");