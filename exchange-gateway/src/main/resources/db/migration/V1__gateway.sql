-- The gateway's own copy of every activity it has seen (latest version only) and its advance-notice state.
CREATE TABLE activity (
    id                       UUID PRIMARY KEY,
    organizer                VARCHAR(3)   NOT NULL,
    version                  INTEGER      NOT NULL,
    type                     VARCHAR(40)  NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    recipients               VARCHAR(400) NOT NULL,
    start_date               DATE,
    end_date                 DATE,
    exact_dates              BOOLEAN      NOT NULL,
    distribution_scope       VARCHAR(20)  NOT NULL,
    distribution_governments VARCHAR(100) NOT NULL,
    missing                  VARCHAR(100) NOT NULL,
    snapshot                 TEXT         NOT NULL,
    noticed_at               TIMESTAMPTZ  NOT NULL,
    deadline                 TIMESTAMPTZ,
    outcome                  VARCHAR(20)  NOT NULL,
    short_notice_changes     INTEGER      NOT NULL DEFAULT 0,
    updated_at               TIMESTAMPTZ  NOT NULL
);
CREATE INDEX activity_pending_deadline ON activity (deadline) WHERE outcome = 'PENDING';

-- The latest re-evaluation per country: category and the recommended tools with their leading partners.
CREATE TABLE evaluation (
    country            VARCHAR(2)  PRIMARY KEY,
    country_name       VARCHAR(100),
    evaluation_version INTEGER     NOT NULL,
    category           VARCHAR(30) NOT NULL,
    tools              TEXT        NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL
);

-- Every notice outcome the gateway raised (also published on outreach.notices).
CREATE TABLE notice (
    id          UUID PRIMARY KEY,
    activity_id UUID        NOT NULL REFERENCES activity (id),
    kind        VARCHAR(30) NOT NULL,
    addressee   VARCHAR(3)  NOT NULL,
    payload     TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX notice_activity ON notice (activity_id, occurred_at);

CREATE TABLE advisory (
    id                UUID PRIMARY KEY,
    dedup_key         VARCHAR(300) NOT NULL UNIQUE,
    kind              VARCHAR(30)  NOT NULL,
    government        VARCHAR(3)   NOT NULL,
    activity_id       UUID         NOT NULL REFERENCES activity (id),
    other_activity_id UUID,
    recipient         VARCHAR(2)   NOT NULL,
    leads             VARCHAR(100) NOT NULL,
    message           TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX advisory_government ON advisory (government, created_at);

CREATE TABLE acknowledgement (
    activity_id     UUID        NOT NULL REFERENCES activity (id),
    government      VARCHAR(3)  NOT NULL,
    agency          VARCHAR(100) NOT NULL,
    verdict         VARCHAR(10) NOT NULL,
    comment         TEXT,
    acknowledged_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (activity_id, government)
);

CREATE TABLE subscription (
    id              UUID PRIMARY KEY,
    government      VARCHAR(3)   NOT NULL,
    agency          VARCHAR(100) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    channel         VARCHAR(10)  NOT NULL,
    url             VARCHAR(2000),
    secret          VARCHAR(100),
    feed_token      VARCHAR(100) UNIQUE,
    filters         TEXT         NOT NULL,
    active          BOOLEAN      NOT NULL,
    disabled_reason TEXT,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX subscription_kind ON subscription (kind) WHERE active;

-- What each subscription was sent, in order: the SSE stream replays it, webhook deliveries point at it.
CREATE TABLE feed_entry (
    id              BIGSERIAL PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        UUID         NOT NULL UNIQUE,
    event_type      VARCHAR(60)  NOT NULL,
    subject         VARCHAR(60)  NOT NULL,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX feed_entry_subscription ON feed_entry (subscription_id, id);

-- One webhook delivery per feed entry; its id is the webhook-id, the same on every attempt.
CREATE TABLE delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    feed_entry_id    BIGINT      NOT NULL REFERENCES feed_entry (id) ON DELETE CASCADE,
    subject          VARCHAR(60) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    attempts         INTEGER     NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX delivery_pending ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_subscription ON delivery (subscription_id, feed_entry_id);

CREATE TABLE delivery_attempt (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempt);
