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

-- The head of each partner's chain as this service's consumers verified it: the next event must follow it.
CREATE TABLE event_chain_head (
    consumer   TEXT        NOT NULL,
    chain      TEXT        NOT NULL,
    sequence   BIGINT      NOT NULL,
    link       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, chain)
);
