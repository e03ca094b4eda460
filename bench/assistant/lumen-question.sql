-- Diagnostic, not the comparison: every statement Lumen sends for one answered question, in
-- its order and transactions (as logged with log_statement = 'all'): the API key lookup, the
-- reservation transaction (user, settings, plan, trial, savepoint, charge, pending row), the
-- conversation read and the delivered update. pgbench is a near-free client, so its tps here is
-- what PostgreSQL alone could do for Lumen's statement pattern on this machine: the ceiling
-- for the HTTP path whatever the Node side costs. run.ts runs it with -M extended, the protocol
-- node-postgres uses (an unnamed statement parsed and planned on every execution).
\set n random(1, :users)
\set hi random(0, 9007199254740991)
\set lo random(0, 9007199254740991)
SELECT id, name, prefix, key_hash, role, created_by, expires_at, revoked_at, last_used_at, created_at, updated_at
  FROM api_keys WHERE key_hash = (SELECT key_hash FROM api_keys ORDER BY id LIMIT 1);
BEGIN;
SELECT id, telegram_id, first_name, last_name, username, language_code, locale, referral_source, is_banned,
       first_seen_at, last_seen_at, created_at, updated_at
  FROM users WHERE id = (SELECT user_id FROM bench_users WHERE n = :n);
SELECT user_id, model, style, conversation_started_at, updated_at
  FROM assistant_settings WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n);
SELECT id, user_id, plan_code, title, status, starts_at, ends_at, period_days, messages_per_period,
       fair_use_cap, usage_period, usage_count, created_at, updated_at
  FROM subscriptions
 WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n) AND status IN ('active', 'trial')
   AND starts_at <= now() AND ends_at > now()
 ORDER BY ends_at;
UPDATE assistant_trials SET messages_left = messages_left - 1
 WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n) AND messages_left >= 1
   AND (expires_at IS NULL OR expires_at > now())
RETURNING messages_left;
SAVEPOINT sp1;
UPDATE credit_balances SET balance = balance + -1, updated_at = now()
 WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n) AND balance >= 1
RETURNING balance \gset
INSERT INTO credit_ledger (id, user_id, delta, reason, idempotency_key, balance_after, note, data, created_at)
VALUES (DEFAULT, (SELECT user_id FROM bench_users WHERE n = :n), -1, 'spend',
        'spend:' || (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid,
        :balance, NULL, '{}', DEFAULT)
RETURNING id, user_id, delta, reason, idempotency_key, balance_after, note, data, created_at;
RELEASE SAVEPOINT sp1;
INSERT INTO messages_log (id, user_id, bot_id, channel, question, answer, model, style, prompt_tokens,
                          completion_tokens, latency_ms, cost_credits, charged_from, charge_ref, status,
                          error, created_at, completed_at)
VALUES ((lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid,
        (SELECT user_id FROM bench_users WHERE n = :n), NULL, 'api',
        'How many credits does a question cost?', DEFAULT, 'gpt-4o-mini', 'balanced', DEFAULT, DEFAULT,
        DEFAULT, 1, 'credits', NULL, 'pending', DEFAULT, now(), DEFAULT);
COMMIT;
SELECT question, answer FROM messages_log
 WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n) AND status = 'delivered'
   AND created_at >= '1970-01-01T00:00:00Z'
 ORDER BY created_at DESC LIMIT 10;
UPDATE messages_log
   SET answer = 'Echo: How many credits does a question cost?', prompt_tokens = 40, completion_tokens = 12,
       latency_ms = 1, status = 'delivered', completed_at = now()
 WHERE id = (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid
   AND status = 'pending'
RETURNING id;
