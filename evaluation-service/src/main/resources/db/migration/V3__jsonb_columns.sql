-- Collections and structured values are JSONB in every service, mapped by Hibernate's JSON type.
ALTER TABLE country_evaluation
    ALTER COLUMN elements TYPE jsonb USING elements::jsonb,
    ALTER COLUMN factors  TYPE jsonb USING factors::jsonb;
ALTER TABLE criteria_version
    ALTER COLUMN weights TYPE jsonb USING weights::jsonb;
ALTER TABLE evaluation_history
    ALTER COLUMN changes TYPE jsonb USING changes::jsonb,
    ALTER COLUMN state   TYPE jsonb USING state::jsonb;
ALTER TABLE tracked_activity
    ALTER COLUMN recipients               TYPE jsonb USING recipients::jsonb,
    ALTER COLUMN distribution_governments TYPE jsonb USING distribution_governments::jsonb;
ALTER TABLE proposal
    ALTER COLUMN countries TYPE jsonb USING countries::jsonb,
    ALTER COLUMN changes   TYPE jsonb USING changes::jsonb,
    ALTER COLUMN weights   TYPE jsonb USING weights::jsonb,
    ALTER COLUMN audience  TYPE jsonb USING audience::jsonb,
    ALTER COLUMN responses TYPE jsonb USING responses::jsonb;
