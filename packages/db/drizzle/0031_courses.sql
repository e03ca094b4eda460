CREATE TABLE "course_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"student_name" text NOT NULL,
	"course_title" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_certificates_enrollment_id_unique" UNIQUE("enrollment_id"),
	CONSTRAINT "course_certificates_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "course_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"media_kind" text,
	"media_ref" text,
	"homework_prompt" text,
	"homework_required" boolean DEFAULT false NOT NULL,
	"quiz" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_lessons_position_positive" CHECK ("course_lessons"."position" > 0)
);
--> statement-breakpoint
CREATE TABLE "course_tariff_chats" (
	"course_id" uuid NOT NULL,
	"tariff" text NOT NULL,
	"chat_ids" bigint[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "course_tariff_chats_course_id_tariff_pk" PRIMARY KEY("course_id","tariff")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cover_url" text,
	"language" text DEFAULT 'en' NOT NULL,
	"bot_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"reviewers_chat_id" bigint,
	"default_timezone" text DEFAULT 'UTC' NOT NULL,
	"default_delivery_hour" integer DEFAULT 9 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "course_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"message_id" integer,
	"done_at" timestamp with time zone,
	"quiz_answer" integer
);
--> statement-breakpoint
CREATE TABLE "course_enrollment_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"from_tariff" text,
	"to_tariff" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone,
	CONSTRAINT "course_enrollment_grants_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "course_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"status" text NOT NULL,
	"items" jsonb NOT NULL,
	"media_group_id" text,
	"reviewer_id" uuid,
	"claimed_at" timestamp with time zone,
	"first_reviewed_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"grade" integer,
	"feedback" text,
	"review_chat_id" bigint,
	"review_message_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "starts_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "timezone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "delivery_hour" integer DEFAULT 9 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "current_day" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "last_delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "onboarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_enrollments" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_certificates" ADD CONSTRAINT "course_certificates_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_lessons" ADD CONSTRAINT "course_lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_tariff_chats" ADD CONSTRAINT "course_tariff_chats_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_deliveries" ADD CONSTRAINT "course_deliveries_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_deliveries" ADD CONSTRAINT "course_deliveries_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollment_grants" ADD CONSTRAINT "course_enrollment_grants_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_submissions" ADD CONSTRAINT "course_submissions_enrollment_id_course_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."course_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_submissions" ADD CONSTRAINT "course_submissions_lesson_id_course_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."course_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- HAND EDIT (courses, issue 9): places bought before courses were taught move to the new model
-- before the one-live-place index: "ended" becomes "refunded", every order gets its grant row, and a
-- second live place on the same course (bought twice) folds into the first one.
UPDATE "course_enrollments" SET "status" = 'refunded' WHERE "status" = 'ended';--> statement-breakpoint
INSERT INTO "course_enrollment_grants" ("enrollment_id", "order_id", "from_tariff", "to_tariff", "granted_at")
  SELECT coalesce(k."id", e."id"), e."order_id", k."tariff", coalesce(k."tariff", e."tariff"), e."created_at"
  FROM "course_enrollments" e
  LEFT JOIN LATERAL (
    SELECT f."id", f."tariff" FROM "course_enrollments" f
    WHERE f."user_id" = e."user_id" AND f."course_code" = e."course_code" AND f."status" <> 'refunded'
      AND e."status" <> 'refunded' AND (f."created_at", f."id") < (e."created_at", e."id")
    ORDER BY f."created_at", f."id" LIMIT 1
  ) k ON true;--> statement-breakpoint
DELETE FROM "course_enrollments" e WHERE NOT EXISTS (
  SELECT 1 FROM "course_enrollment_grants" g WHERE g."enrollment_id" = e."id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_lessons_position_idx" ON "course_lessons" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "course_deliveries_claim_idx" ON "course_deliveries" USING btree ("enrollment_id","lesson_id");--> statement-breakpoint
CREATE INDEX "course_deliveries_lesson_idx" ON "course_deliveries" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "course_submissions_enrollment_idx" ON "course_submissions" USING btree ("enrollment_id","lesson_id");--> statement-breakpoint
CREATE INDEX "course_submissions_queue_idx" ON "course_submissions" USING btree ("created_at") WHERE "course_submissions"."status" in ('queued', 'in_review');--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrollments_live_idx" ON "course_enrollments" USING btree ("user_id","course_code") WHERE "course_enrollments"."status" <> 'refunded';--> statement-breakpoint
CREATE INDEX "course_enrollments_active_idx" ON "course_enrollments" USING btree ("course_code") WHERE "course_enrollments"."status" = 'active';