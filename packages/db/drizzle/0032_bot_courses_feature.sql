-- HAND EDIT (courses, issue 9): the bots' "courses" feature is now checked (course commands,
-- lessons, homework and course sales need it). Every bot taught courses before, so each keeps
-- doing so until an operator turns the feature off.
UPDATE "bots" SET "features" = "features" || '["courses"]'::jsonb WHERE NOT ("features" ? 'courses');
