package org.outreachexchange.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** HdrHistogram in microseconds, up to one hour, three significant digits. */
final class Percentiles {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos / 1000, 3_600_000_000L)));
    }

    synchronized void recordMicros(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double micros(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    synchronized double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", histogram.getTotalCount());
        m.put("p50_us", histogram.getValueAtPercentile(50));
        m.put("p90_us", histogram.getValueAtPercentile(90));
        m.put("p99_us", histogram.getValueAtPercentile(99));
        m.put("p99.9_us", histogram.getValueAtPercentile(99.9));
        m.put("max_us", histogram.getMaxValue());
        m.put("mean_us", histogram.getMean());
        return m;
    }
}
