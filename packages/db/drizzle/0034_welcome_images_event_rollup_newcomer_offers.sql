CREATE TABLE "event_daily_counts" (
	"day" date NOT NULL,
	"bot_id" uuid,
	"type" text NOT NULL,
	"source" text,
	"events" integer NOT NULL,
	"users" integer NOT NULL,
	CONSTRAINT "event_daily_counts_key" UNIQUE NULLS NOT DISTINCT("day","bot_id","type","source")
);
--> statement-breakpoint
CREATE TABLE "bot_welcome_images" (
	"bot_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"photo" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_welcome_images_bot_id_locale_pk" PRIMARY KEY("bot_id","locale")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "newcomers_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bot_welcome_images" ADD CONSTRAINT "bot_welcome_images_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;