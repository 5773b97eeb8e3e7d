-- Outreach activities of the government this deployment serves.
CREATE TABLE activity (
    id                       UUID PRIMARY KEY,
    organizer                VARCHAR(3)   NOT NULL,
    type                     VARCHAR(40)  NOT NULL,
    title                    VARCHAR(200) NOT NULL,
    schedule_precision       VARCHAR(10)  NOT NULL,
    schedule_month           VARCHAR(7),
    schedule_start           DATE,
    schedule_end             DATE,
    -- The whole month for month-precision schedules; what period filters compare against.
    period_start             DATE         NOT NULL,
    period_end               DATE         NOT NULL,
    location                 VARCHAR(200),
    agenda                   JSONB        NOT NULL,
    objectives               JSONB        NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    distribution_scope       VARCHAR(20)  NOT NULL,
    distribution_governments JSONB        NOT NULL,
    results                  JSONB,
    cancellation_reason      VARCHAR(2000),
    version                  BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);

CREATE INDEX activity_period ON activity (period_start, period_end);

CREATE TABLE activity_recipient (
    activity_id UUID       NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    position    INTEGER    NOT NULL,
    country     VARCHAR(2) NOT NULL,
    PRIMARY KEY (activity_id, position)
);

CREATE INDEX activity_recipient_country ON activity_recipient (country);

-- Idempotency-Key of each creating POST, per government; the hash tells a retry from a reuse with another body.
CREATE TABLE idempotency_key (
    government      VARCHAR(3)   NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    activity_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (government, idempotency_key)
);
