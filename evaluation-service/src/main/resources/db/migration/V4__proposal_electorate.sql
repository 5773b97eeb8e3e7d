-- The partners a proposal was opened to: only they answer it (a partner that joins later does not). NULL for
-- proposals opened before this was recorded, which the current partners answer, as before.
ALTER TABLE proposal ADD COLUMN electorate jsonb;
