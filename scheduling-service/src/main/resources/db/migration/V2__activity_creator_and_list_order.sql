-- The agency that planned each activity: its planners may revise, complete and cancel it (the government's
-- coordinator may act on any). Activities planned before agencies were recorded have none, so only a coordinator may
-- change them: no agency can claim what it cannot be shown to have created.
ALTER TABLE activity ADD COLUMN created_by TEXT;

-- The order GET /activities lists and pages in. Numbers are drawn under a transaction-long lock
-- (ActivityRepository.nextListPosition), so they are given in commit order: an activity that commits after a reader
-- saw a higher number cannot appear behind that reader's cursor. Existing activities keep their planning order.
CREATE SEQUENCE activity_list_position;
ALTER TABLE activity ADD COLUMN list_position BIGINT;
UPDATE activity SET list_position = numbered.position
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS position FROM activity) AS numbered
WHERE activity.id = numbered.id;
SELECT setval('activity_list_position', COALESCE((SELECT max(list_position) FROM activity), 0) + 1, false);
ALTER TABLE activity ALTER COLUMN list_position SET NOT NULL;
CREATE UNIQUE INDEX activity_list_order ON activity (list_position);
