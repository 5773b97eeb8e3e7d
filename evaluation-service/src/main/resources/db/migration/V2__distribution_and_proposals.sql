-- Who each tracked activity is shared with. Rows tracked before this migration never recorded it: they are treated as
-- visible to their organizer only (fail closed) until the activity's next event states its distribution.
ALTER TABLE tracked_activity
    ADD COLUMN distribution_scope       VARCHAR(20) NOT NULL DEFAULT 'NAMED_PARTNERS',
    ADD COLUMN distribution_governments TEXT        NOT NULL DEFAULT '[]';
ALTER TABLE tracked_activity
    ALTER COLUMN distribution_scope DROP DEFAULT,
    ALTER COLUMN distribution_governments DROP DEFAULT;

-- Assessment proposals become proposals of any kind: ASSESSMENT, CRITERIA, FINDINGS. Existing rows are assessments;
-- their country and element/factor changes move into the per-country JSON map "changes".
ALTER TABLE assessment_proposal RENAME TO proposal;
ALTER INDEX assessment_proposal_pkey RENAME TO proposal_pkey;
ALTER TABLE proposal
    ADD COLUMN kind                     VARCHAR(12)  NOT NULL DEFAULT 'ASSESSMENT',
    ADD COLUMN countries                TEXT,
    ADD COLUMN changes                  TEXT,
    ADD COLUMN weights                  TEXT,
    ADD COLUMN high_threshold           NUMERIC(6,4),
    ADD COLUMN adopted_criteria_version INTEGER,
    ADD COLUMN activity_id              UUID,
    ADD COLUMN activity_type            VARCHAR(40),
    ADD COLUMN activity_title           TEXT,
    ADD COLUMN activity_completed_on    DATE,
    ADD COLUMN audience                 TEXT;
UPDATE proposal SET
    countries = json_build_array(country)::text,
    changes   = json_build_object(country,
                    json_build_object('elements', element_changes::json, 'factors', factor_changes::json))::text;
ALTER TABLE proposal
    ALTER COLUMN kind DROP DEFAULT,
    ALTER COLUMN countries SET NOT NULL,
    ALTER COLUMN changes SET NOT NULL,
    ALTER COLUMN proposed_by_agency DROP NOT NULL,
    DROP COLUMN country,
    DROP COLUMN element_changes,
    DROP COLUMN factor_changes;
-- One findings proposal per activity completion, however often its event is delivered.
CREATE UNIQUE INDEX proposal_activity ON proposal (activity_id);
CREATE INDEX proposal_status_proposed_at ON proposal (status, proposed_at);

-- The CRITERIA proposal each criteria version was adopted from (null for the seed's version 1).
ALTER TABLE criteria_version ADD COLUMN proposal_id UUID;
