-- Subscriptions belong to the agency that created them (issue 12): that agency and its government's coordinator read
-- and change one, and to everyone else it does not exist. `agency` has held the creating agency, from its token, since
-- V1, so existing rows already name their owner and need no backfill; this records the rule in the schema and adds
-- the indexes the owner's paged list reads by (creation time, then id, per government and per agency).
COMMENT ON COLUMN subscription.agency IS 'the agency that created the subscription (from its token): with its government''s coordinator, the only reader';
CREATE INDEX subscription_owner ON subscription (government, agency, created_at, id);
CREATE INDEX subscription_government ON subscription (government, created_at, id);
