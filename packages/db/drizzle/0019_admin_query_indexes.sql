CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "assistant_trials_started_idx";--> statement-breakpoint
DROP INDEX "messages_log_user_idx";--> statement-breakpoint
DROP INDEX "messages_log_created_idx";--> statement-breakpoint
DROP INDEX "orders_user_idx";--> statement-breakpoint
DROP INDEX "orders_created_idx";--> statement-breakpoint
DROP INDEX "orders_paid_user_idx";--> statement-breakpoint
DROP INDEX "orders_paid_at_idx";--> statement-breakpoint
DROP INDEX "orders_refunded_at_idx";--> statement-breakpoint
DROP INDEX "users_first_seen_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "plan_code" text GENERATED ALWAYS AS (details->>'planCode') STORED;--> statement-breakpoint
CREATE INDEX "credit_balances_balance_idx" ON "credit_balances" USING btree ("balance","user_id");--> statement-breakpoint
CREATE INDEX "orders_product_amount_idx" ON "orders" USING btree ("product_id","amount","id");--> statement-breakpoint
CREATE INDEX "orders_plan_user_idx" ON "orders" USING btree ("user_id","plan_code","paid_at") WHERE "orders"."kind" = 'plan' and "orders"."status" in ('paid', 'refunded');--> statement-breakpoint
CREATE INDEX "users_username_prefix_idx" ON "users" USING btree (lower("username") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_name_trgm_idx" ON "users" USING gin (("first_name" || ' ' || coalesce("last_name", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "users_username_trgm_idx" ON "users" USING gin ("username" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assistant_trials_started_idx" ON "assistant_trials" USING btree ("started_at","user_id");--> statement-breakpoint
CREATE INDEX "messages_log_user_idx" ON "messages_log" USING btree ("user_id","created_at","bot_id");--> statement-breakpoint
CREATE INDEX "messages_log_created_idx" ON "messages_log" USING btree ("created_at","user_id","bot_id","status","cost_credits","prompt_tokens","completion_tokens");--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "orders" USING btree ("user_id","created_at","bot_id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id","user_id","bot_id");--> statement-breakpoint
CREATE INDEX "orders_paid_user_idx" ON "orders" USING btree ("user_id","paid_at","bot_id") WHERE "orders"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "orders_paid_at_idx" ON "orders" USING btree ("paid_at","currency","amount","user_id","product_id","bot_id","kind","plan_code") WHERE "orders"."status" = 'paid';--> statement-breakpoint
CREATE INDEX "orders_refunded_at_idx" ON "orders" USING btree ("refunded_at","currency","amount","bot_id") WHERE "orders"."status" = 'refunded';--> statement-breakpoint
CREATE INDEX "users_first_seen_idx" ON "users" USING btree ("first_seen_at","id");