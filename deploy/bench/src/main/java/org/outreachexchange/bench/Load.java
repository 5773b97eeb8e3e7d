package org.outreachexchange.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agencies planning activities at a fixed rate, open loop, through {@code concurrency} client connections: each POST
 * is queued at its intended time; a queue that keeps growing is the service not keeping up. Failed or timed-out
 * POSTs are retried with the same Idempotency-Key until accepted, as an agency's client would.
 */
final class Load implements AutoCloseable {

    private final Api api;
    private final ThreadPoolExecutor workers;
    final Percentiles accepted = new Percentiles();
    final AtomicLong acceptedCount = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final ConcurrentHashMap<String, Long> intended = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final boolean retry;

    Load(Api api, int concurrency, Duration timeout, boolean retry) {
        this.api = api;
        this.timeout = timeout;
        this.retry = retry;
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    }

    /** Plans one activity per tick, round-robin over the governments; returns how many were scheduled. */
    int run(double rate, Duration duration, List<String> governments, String prefix) {
        return OpenLoop.run(rate, duration, (i, intendedNanos) -> {
            String marker = prefix + i;
            String government = governments.get(i % governments.size());
            intended.put(marker, intendedNanos);
            workers.execute(() -> send(government, marker, intendedNanos));
        });
    }

    int queued() {
        return workers.getQueue().size();
    }

    private void send(String government, String marker, long intendedNanos) {
        while (true) {
            try {
                HttpResponse<String> response = api.plan(government, marker, timeout).join();
                if (response.statusCode() == 201) {
                    accepted.recordNanos(System.nanoTime() - intendedNanos);
                    acceptedCount.incrementAndGet();
                    return;
                }
                failedAttempts.incrementAndGet();
            } catch (RuntimeException e) {
                failedAttempts.incrementAndGet();
            }
            if (!retry) {
                return;
            }
            Pause.millis(250);
        }
    }

    /** Waits until every scheduled POST was answered (accepted or, without retry, given up). */
    boolean drain(Duration timeout) {
        return Pause.until(timeout, () -> workers.getQueue().isEmpty() && workers.getActiveCount() == 0);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
