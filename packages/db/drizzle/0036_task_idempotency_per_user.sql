DROP INDEX "tasks_idempotency_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_idempotency_idx" ON "tasks" USING btree ("user_id","idempotency_key");