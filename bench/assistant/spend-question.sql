-- The core SQL of one answered question (POST /api/v1/assistant/messages charged to credits),
-- statement for statement as Lumen writes it: the conditional balance UPDATE and its ledger row
-- (packages/core/src/credits/change-credits.ts), the pending messages_log row
-- (assistant/reserve-question.ts) and its update to delivered (assistant/settle-question.ts).
-- Left out on purpose: the reads Lumen also makes (API key, user, settings, plan, trial,
-- conversation), its savepoint, and its second transaction (Lumen commits the delivered update
-- separately, after the AI answers). So this is the floor the HTTP path is compared against.
--
-- run.ts runs it as: pgbench -n -c 64 -j 2 -T 30 -D users=10000 -f spend-question.sql <bench db>
-- bench_users(n, user_id) maps 1..users to the same users the HTTP load picks from.
-- The message id is made by the client, as Lumen does (crypto.randomUUID()): two random
-- 53-bit halves, written without quotes so the script runs under -M simple, extended or prepared.
\set n random(1, :users)
\set hi random(0, 9007199254740991)
\set lo random(0, 9007199254740991)
BEGIN;
UPDATE credit_balances SET balance = balance - 1, updated_at = now()
 WHERE user_id = (SELECT user_id FROM bench_users WHERE n = :n) AND balance >= 1
RETURNING balance \gset
INSERT INTO credit_ledger (user_id, delta, reason, idempotency_key, balance_after, note, data)
VALUES ((SELECT user_id FROM bench_users WHERE n = :n), -1, 'spend',
        'spend:' || (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid,
        :balance, NULL, '{}')
RETURNING id;
INSERT INTO messages_log (id, user_id, bot_id, channel, question, model, style, cost_credits,
                          charged_from, charge_ref, status, created_at)
VALUES ((lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid,
        (SELECT user_id FROM bench_users WHERE n = :n), NULL, 'api',
        'How many credits does a question cost?', 'gpt-4o-mini', 'balanced', 1, 'credits', NULL,
        'pending', now());
UPDATE messages_log
   SET status = 'delivered', answer = 'Echo: How many credits does a question cost?',
       prompt_tokens = 40, completion_tokens = 12, latency_ms = 1, completed_at = now()
 WHERE id = (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid
   AND status = 'pending'
RETURNING id;
COMMIT;
