-- The transaction that inserted each feed entry. Ids come from a sequence at insert, but transactions commit in their
-- own order, so an SSE stream following ids could pass over an entry committed after a higher one was streamed. The
-- stream reads entries of ended transactions only, ordered by transaction, then id (FeedEntryRepository.streamAfter).
-- Rows already here get this migration's transaction id: they are committed, and older than any later transaction.
ALTER TABLE feed_entry ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();

DROP INDEX feed_entry_subscription;
CREATE INDEX feed_entry_stream ON feed_entry (subscription_id, xid, id);
