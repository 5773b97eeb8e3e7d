package org.outreachexchange.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** Stands in for a service method: the change and its events in one transaction. */
@ApplicationScoped
public class OutboxTestChanges {

    private final Outbox outbox;
    private final ProcessedEvents processed;

    OutboxTestChanges(Outbox outbox, ProcessedEvents processed) {
        this.outbox = outbox;
        this.processed = processed;
    }

    @Transactional
    public void commit(List<OutgoingEvent> events) {
        events.forEach(outbox::append);
    }

    /** Appends, says so, and commits only when released: a writer that holds its key. */
    @Transactional
    public void commitWhenReleased(OutgoingEvent event, CountDownLatch appended, CountDownLatch release) throws InterruptedException {
        outbox.append(event);
        appended.countDown();
        release.await();
    }

    @Transactional
    public void failAfterAppending(OutgoingEvent event) {
        outbox.append(event);
        throw new IllegalStateException("the change failed");
    }

    @Transactional
    public boolean consume(String eventId) {
        return processed.firstDelivery("outbox-test", eventId);
    }

    @Transactional
    public void consumeThenFail(String eventId) {
        processed.firstDelivery("outbox-test", eventId);
        throw new IllegalStateException("the effect failed");
    }

    /**
     * Two writers of {@code aggregate}'s key: the first appends event 1 and holds its transaction open; the second's
     * event 2 must wait (checked for half a second) until the first commits; then both commit.
     */
    public static void commitWhileTheKeysFirstWriterWaits(OutboxTestChanges changes, String aggregate) throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> {
                changes.commitWhenReleased(event(aggregate, 1), appended, release);
                return null;
            });
            appended.await();
            Future<?> second = writers.submit(() -> changes.commit(List.of(event(aggregate, 2))));

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            writers.shutdownNow();
        }
    }

    public static OutgoingEvent event(String aggregate, int n) {
        return OutgoingEvent.about(aggregate, "outreach.test.happened", "/outreach/test", "{\"n\":" + n + "}",
                Instant.parse("2008-06-24T00:53:00Z"));
    }
}
