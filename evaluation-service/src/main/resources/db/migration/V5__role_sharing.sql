-- The role-sharing table in force, one row per partner: what it leads in each category. It changes only through an
-- adopted ROLE_SHARING proposal (proposal.leads); the first rows come from the founding partners document.
CREATE TABLE partner_leads (
    government      VARCHAR(3)  PRIMARY KEY,
    leads           jsonb       NOT NULL,
    adopted_through UUID,
    adopted_at      TIMESTAMPTZ NOT NULL
);
ALTER TABLE proposal ADD COLUMN leads jsonb;
