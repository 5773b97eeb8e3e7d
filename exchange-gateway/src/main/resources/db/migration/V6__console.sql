-- The partners' console (issue 13). An officer's session is kept here, not in the browser: the browser holds only an
-- opaque cookie whose SHA-256 is the key, so a copy of this table cannot be replayed as cookies, and every replica of
-- the gateway knows every session. The agency token stays server-side, to call the services on the officer's behalf.
CREATE TABLE console_session (
    id_hash      VARCHAR(64)  PRIMARY KEY,
    government   VARCHAR(3)   NOT NULL,
    agency       VARCHAR(100) NOT NULL,
    roles        JSONB        NOT NULL,
    bearer       TEXT         NOT NULL,
    form_token   VARCHAR(64)  NOT NULL,
    -- What an officer had typed when the previous session expired, restored once on the page it was typed on.
    draft_page   VARCHAR(2000),
    draft        JSONB,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX console_session_expiry ON console_session (expires_at);

-- One-time sign-in links: an agency asks for one with its token; whoever opens it once gets a session for that token.
CREATE TABLE console_sign_in_link (
    code_hash    VARCHAR(64)  PRIMARY KEY,
    government   VARCHAR(3)   NOT NULL,
    agency       VARCHAR(100) NOT NULL,
    bearer       TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX console_sign_in_link_expiry ON console_sign_in_link (expires_at);

-- A partner's suggested change to an activity's agenda or objectives; the organizer's government accepts or declines it.
CREATE TABLE suggestion (
    id              UUID          PRIMARY KEY,
    activity_id     UUID          NOT NULL REFERENCES activity (id),
    government      VARCHAR(3)    NOT NULL,
    agency          VARCHAR(100)  NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    text            VARCHAR(2000) NOT NULL,
    element         VARCHAR(30),
    reason          VARCHAR(4000),
    status          VARCHAR(20)   NOT NULL,
    answered_by     VARCHAR(100),
    answer_comment  VARCHAR(4000),
    created_at      TIMESTAMPTZ   NOT NULL,
    answered_at     TIMESTAMPTZ
);
CREATE INDEX suggestion_activity ON suggestion (activity_id, created_at, id);
