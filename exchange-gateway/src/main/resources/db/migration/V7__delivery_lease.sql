-- Several gateway replicas share this database (issue 15). A replica that reads a delivery as due leases it until
-- `lease_until` (the database's clock, so replicas' clocks need not agree); no other replica reads it as due before
-- the lease runs out or the outcome is recorded. A killed replica's deliveries are taken over when their leases run
-- out, under the same id, so the subscriber sees the same webhook-id again.
ALTER TABLE delivery ADD COLUMN lease_until TIMESTAMPTZ, ADD COLUMN leased_by VARCHAR(80);
COMMENT ON COLUMN delivery.leased_by IS 'the gateway replica that holds the lease (host and process), for operators';
