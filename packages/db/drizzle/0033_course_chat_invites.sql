ALTER TABLE "chat_invites" ALTER COLUMN "subscription_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_invites" ADD COLUMN "enrollment_id" uuid;--> statement-breakpoint
CREATE INDEX "chat_invites_enrollment_idx" ON "chat_invites" USING btree ("enrollment_id");