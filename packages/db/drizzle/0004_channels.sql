CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bot_id" uuid NOT NULL,
	"chat_id" bigint NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"username" text,
	"bot_status" text NOT NULL,
	"can_invite_users" boolean DEFAULT false NOT NULL,
	"can_restrict_members" boolean DEFAULT false NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_bot_chat_idx" ON "channels" USING btree ("bot_id","chat_id");--> statement-breakpoint
CREATE INDEX "channels_chat_idx" ON "channels" USING btree ("chat_id");