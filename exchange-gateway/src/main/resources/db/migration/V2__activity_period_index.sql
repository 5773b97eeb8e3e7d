-- Overlap checks look for live activities whose period meets a window; a range index answers that without a scan.
CREATE INDEX activity_live_period ON activity USING gist (daterange(start_date, end_date, '[]'))
    WHERE status <> 'CANCELLED' AND start_date IS NOT NULL;
