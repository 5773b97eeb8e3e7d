-- Every replica keeps its active subscriptions in memory (SubscriptionDirectory, issue 15) and checks this one row
-- in each transaction that fans out or dispatches; a generation it has not read yet makes it read the subscriptions
-- again. The trigger, not the application, bumps it, so every way a subscription changes is seen by every replica:
-- the REST API, the delivery recorder disabling one after a 410, another replica, an operator's SQL.
--
-- The new value comes from a sequence, never from generation + 1: a transaction that changed subscriptions, read
-- them into the snapshot and then rolled back leaves its number unused, so no later committed change can carry the
-- same number as that snapshot and be mistaken for it.
CREATE SEQUENCE subscription_generation_seq;

CREATE TABLE subscription_generation (
    singleton  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    generation BIGINT  NOT NULL
);
INSERT INTO subscription_generation (generation) VALUES (nextval('subscription_generation_seq'));

CREATE FUNCTION bump_subscription_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE subscription_generation SET generation = nextval('subscription_generation_seq');
    RETURN NULL;
END
$$;

-- Per statement, not per row: one bump however many rows a statement touches. BEFORE the statement, so a statement
-- locks the generation row before the subscription rows it changes, and two transactions changing different
-- subscriptions take the two in the same order instead of deadlocking. Readers take no lock; they see the new number
-- when the change commits.
CREATE TRIGGER subscription_generation_bump
    BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON subscription
    FOR EACH STATEMENT EXECUTE FUNCTION bump_subscription_generation();
