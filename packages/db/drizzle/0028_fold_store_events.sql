-- The Mini App's store events become general analytics events (origin 'app'); store_events is dropped next.
INSERT INTO "events" ("type", "user_id", "bot_id", "product_id", "properties", "source", "origin", "occurred_at")
SELECT "type", "user_id", "bot_id", "product_id", '{}'::jsonb, "source", 'app', "occurred_at"
FROM "store_events"
ORDER BY "occurred_at";
