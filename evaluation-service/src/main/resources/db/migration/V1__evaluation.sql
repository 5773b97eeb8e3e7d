-- Country evaluations: inputs (elements, factor scores) and what follows from them. JSON columns hold small value maps.
CREATE TABLE country_evaluation (
    country            VARCHAR(2)   PRIMARY KEY,
    country_name       TEXT         NOT NULL,
    elements           TEXT         NOT NULL,
    factors            TEXT         NOT NULL,
    category           VARCHAR(20)  NOT NULL,
    risk_score         NUMERIC(6,4) NOT NULL,
    risk_band          VARCHAR(4)   NOT NULL,
    priority           INTEGER      NOT NULL,
    criteria_version   INTEGER      NOT NULL,
    evaluation_version INTEGER      NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

-- Every change to an evaluation, with the full state after it; "state at a date" reads the latest row effective then.
CREATE TABLE evaluation_history (
    id                 BIGSERIAL    PRIMARY KEY,
    country            VARCHAR(2)   NOT NULL REFERENCES country_evaluation (country),
    evaluation_version INTEGER      NOT NULL,
    effective_at       TIMESTAMPTZ  NOT NULL,
    recorded_at        TIMESTAMPTZ  NOT NULL,
    reason             TEXT         NOT NULL,
    origin_kind        VARCHAR(20)  NOT NULL,
    origin_reference   TEXT,
    origin_government  VARCHAR(3),
    changes            TEXT         NOT NULL,
    state              TEXT         NOT NULL,
    UNIQUE (country, evaluation_version)
);
CREATE INDEX evaluation_history_at ON evaluation_history (country, effective_at);

CREATE TABLE criteria_version (
    version        INTEGER      PRIMARY KEY,
    weights        TEXT         NOT NULL,
    high_threshold NUMERIC(6,4) NOT NULL,
    rationale      TEXT         NOT NULL,
    adopted_by     VARCHAR(3),
    adopted_at     TIMESTAMPTZ  NOT NULL
);

-- The last seen version of every partner's activity, for stale-event detection and coverage.
CREATE TABLE tracked_activity (
    activity_id   UUID         PRIMARY KEY,
    version       INTEGER      NOT NULL,
    organizer     VARCHAR(3)   NOT NULL,
    activity_type VARCHAR(40)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    title         TEXT         NOT NULL,
    recipients    TEXT         NOT NULL,
    period_start  DATE,
    period_end    DATE,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE assessment_proposal (
    id               UUID         PRIMARY KEY,
    country          VARCHAR(2)   NOT NULL REFERENCES country_evaluation (country),
    proposed_by      VARCHAR(3)   NOT NULL,
    proposed_by_agency TEXT       NOT NULL,
    proposed_at      TIMESTAMPTZ  NOT NULL,
    rationale        TEXT         NOT NULL,
    element_changes  TEXT         NOT NULL,
    factor_changes   TEXT         NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    decided_at       TIMESTAMPTZ,
    responses        TEXT         NOT NULL,
    lock_version     INTEGER      NOT NULL
);
