CREATE TABLE "broadcast_list_members" (
	"list_id" uuid NOT NULL,
	"telegram_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcast_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bot_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"segment" text NOT NULL,
	"segment_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"rate_per_second" integer DEFAULT 25 NOT NULL,
	"allow_paid_broadcast" boolean DEFAULT false NOT NULL,
	"paused_until" timestamp with time zone,
	"targeted" integer,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"runner_seen_at" timestamp with time zone,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcasts_rate_range" CHECK ("broadcasts"."rate_per_second" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "broadcast_bot_blocks" (
	"bot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"blocked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "broadcast_bot_blocks_bot_id_user_id_pk" PRIMARY KEY("bot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "broadcast_clicks" (
	"broadcast_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"button" integer NOT NULL,
	"clicked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcast_clicks_broadcast_id_user_id_button_pk" PRIMARY KEY("broadcast_id","user_id","button")
);
--> statement-breakpoint
CREATE TABLE "broadcast_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"language" text,
	"telegram_message_id" bigint,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "broadcast_list_members" ADD CONSTRAINT "broadcast_list_members_list_id_broadcast_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."broadcast_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_bot_blocks" ADD CONSTRAINT "broadcast_bot_blocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_clicks" ADD CONSTRAINT "broadcast_clicks_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_clicks" ADD CONSTRAINT "broadcast_clicks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_deliveries" ADD CONSTRAINT "broadcast_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broadcast_list_members_idx" ON "broadcast_list_members" USING btree ("list_id","telegram_id");--> statement-breakpoint
CREATE INDEX "broadcasts_status_idx" ON "broadcasts" USING btree ("status","scheduled_at");--> statement-breakpoint
CREATE INDEX "broadcasts_created_idx" ON "broadcasts" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "broadcast_deliveries_once_idx" ON "broadcast_deliveries" USING btree ("broadcast_id","user_id");--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_status_idx" ON "broadcast_deliveries" USING btree ("broadcast_id","status");--> statement-breakpoint
CREATE INDEX "broadcast_deliveries_user_idx" ON "broadcast_deliveries" USING btree ("user_id","sent_at");