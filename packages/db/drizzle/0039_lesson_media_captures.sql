CREATE TABLE "course_lesson_media_captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"admin_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"bot_id" uuid NOT NULL,
	"telegram_user_id" bigint,
	"opened_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"media_kind" text,
	"media_ref" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_lesson_media_captures_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "course_lesson_media_captures" ADD CONSTRAINT "course_lesson_media_captures_admin_id_admins_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."admins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lesson_media_captures" ADD CONSTRAINT "course_lesson_media_captures_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lesson_media_captures" ADD CONSTRAINT "course_lesson_media_captures_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_lesson_media_captures_waiting_idx" ON "course_lesson_media_captures" USING btree ("telegram_user_id","bot_id");