-- Lists were comma-joined into VARCHARs, whose width capped them: an activity with 140 or more recipients did not fit
-- and its event was dead-lettered. Lists are JSONB arrays, as in every service: no such cap, elements matched whole.
ALTER TABLE activity
    ALTER COLUMN recipients TYPE jsonb USING to_jsonb(string_to_array(recipients, ',')),
    ALTER COLUMN distribution_governments TYPE jsonb USING to_jsonb(string_to_array(distribution_governments, ',')),
    ALTER COLUMN missing TYPE jsonb USING to_jsonb(string_to_array(missing, ','));
ALTER TABLE advisory
    ALTER COLUMN leads TYPE jsonb USING to_jsonb(string_to_array(leads, ','));

-- Re-evaluations look up the live activities for their country.
CREATE INDEX activity_recipients ON activity USING gin (recipients jsonb_path_ops);
