-- Sealed events: where a service signs what it publishes, each row carries its place in the service's chain.
ALTER TABLE outbox_event ADD COLUMN chain          TEXT;
ALTER TABLE outbox_event ADD COLUMN chain_sequence BIGINT;
ALTER TABLE outbox_event ADD COLUMN chain_previous TEXT;
ALTER TABLE outbox_event ADD COLUMN signature      TEXT;

-- The head of each chain this service writes; locked by every append, so sequence order is commit order.
CREATE TABLE outbox_chain (
    chain    TEXT   PRIMARY KEY,
    sequence BIGINT NOT NULL,
    link     TEXT   NOT NULL
);

-- The head of each government's chain as a consumer verified it (locked while events are admitted): the next event
-- must follow it.
CREATE TABLE event_chain_head (
    consumer   TEXT        NOT NULL,
    chain      TEXT        NOT NULL,
    sequence   BIGINT      NOT NULL,
    link       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, chain)
);

-- Every event a consumer admitted into a government's chain, exactly as sent with its seal: the exchange log, which
-- anyone can verify offline against the governments' event keys. An admitted event stays here even if its effect is
-- refused or fails (it was still said), so the chain goes on past it.
CREATE TABLE exchange_log (
    consumer    TEXT        NOT NULL,
    chain       TEXT        NOT NULL,
    sequence    BIGINT      NOT NULL,
    previous    TEXT        NOT NULL,
    signature   TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    data        TEXT        NOT NULL,
    appended_at TIMESTAMPTZ NOT NULL,
    admitted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, chain, sequence)
);
