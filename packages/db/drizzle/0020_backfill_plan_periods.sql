-- Plans bought before subscription_periods existed have no period, so a refund or a revocation
-- found nothing to take back. Each gets one period covering its current time, keyed
-- 'backfill:<subscription id>' and bought by no single order: a refund of an order that has no
-- period of its own (an order from before the periods) takes this one back.
INSERT INTO "subscription_periods" ("subscription_id", "grant_key", "order_id", "starts_at", "ends_at")
SELECT s."id", 'backfill:' || s."id"::text, NULL, s."starts_at", s."ends_at"
FROM "subscriptions" s
WHERE s."ends_at" > s."starts_at"
  AND NOT EXISTS (SELECT 1 FROM "subscription_periods" p WHERE p."subscription_id" = s."id");
