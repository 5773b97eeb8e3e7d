package org.outreachexchange.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.outreachexchange.outbox.trust.EventChainsHealth;
import org.outreachexchange.outbox.trust.UntrustedEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Applies a poll of incoming records in one transaction, so a burst costs one commit rather than one per event.
 * A record that cannot be read goes to the channel's failure strategy (the dead-letter topic) on its own; if the
 * batch's transaction fails, the records are applied one by one and only those that still fail are dead-lettered.
 * The batch is acknowledged once those dead letters are sent. Each dead letter is counted
 * ({@code outreach_events_dead_lettered_total} by topic), and an event refused as untrusted also by government and
 * reason ({@code outreach_events_refused_total}).
 */
@ApplicationScoped
public class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);

    /** Turns a record into what the service applies; throwing marks the record unreadable. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(KafkaRecord<String, String> record) throws Exception;
    }

    private final MeterRegistry registry;
    private final EventChainsHealth chains;

    RecordBatches(MeterRegistry registry, EventChainsHealth chains) {
        this.registry = registry;
        this.chains = chains;
    }

    /**
     * @param applyAll applies every readable event in one transaction (all or nothing)
     * @param applyOne applies one event in a transaction of its own, after {@code applyAll} failed
     */
    public <T> CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Reader<T> reader,
                                                  Consumer<List<T>> applyAll, Consumer<T> applyOne) {
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<T> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                events.add(reader.read(record));
                readable.add(record);
            } catch (Exception e) {
                deadLettered.add(deadLetter(record, e));
            }
        }
        try {
            applyAll.accept(events);
        } catch (RuntimeException batchFailed) {
            LOG.debugf("a batch of %d events failed (%s); applying them one by one", events.size(), batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyOne.accept(events.get(i));
                } catch (RuntimeException e) {
                    deadLettered.add(deadLetter(readable.get(i), e));
                }
            }
        }
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(sent -> batch.ack());
    }

    private CompletableFuture<Void> deadLetter(KafkaRecord<String, String> record, Throwable cause) {
        registry.counter("outreach.events.dead.lettered", "topic", record.getTopic()).increment();
        if (cause instanceof UntrustedEventException refused) {
            registry.counter("outreach.events.refused", "government", String.valueOf(refused.government()),
                    "reason", refused.reason().name()).increment();
            chains.refused(refused);
            LOG.warnf("refused event on %s: %s", record.getTopic(), refused.getMessage());
        }
        return record.nack(cause).toCompletableFuture();
    }
}
