package org.outreachexchange.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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

    public static OutgoingEvent event(String aggregate, int n) {
        return OutgoingEvent.about(aggregate, "outreach.test.happened", "/outreach/test", "{\"n\":" + n + "}",
                Instant.parse("2008-06-24T00:53:00Z"));
    }
}
