CREATE TABLE "buyer_login_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"bot_id" uuid NOT NULL,
	"browser_key_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"bot_id" uuid NOT NULL,
	"refresh_hash" text NOT NULL,
	"user_agent" text,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyer_sessions_expiry" CHECK ("buyer_sessions"."expires_at" > "buyer_sessions"."created_at")
);
--> statement-breakpoint
ALTER TABLE "buyer_login_codes" ADD CONSTRAINT "buyer_login_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_sessions" ADD CONSTRAINT "buyer_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_login_codes_code_idx" ON "buyer_login_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "buyer_login_codes_expires_idx" ON "buyer_login_codes" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_sessions_refresh_idx" ON "buyer_sessions" USING btree ("refresh_hash");--> statement-breakpoint
CREATE INDEX "buyer_sessions_user_idx" ON "buyer_sessions" USING btree ("user_id","created_at");