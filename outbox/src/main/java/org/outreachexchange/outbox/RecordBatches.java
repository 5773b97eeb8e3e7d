package org.outreachexchange.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.outreachexchange.outbox.trust.EventChainsHealth;
import org.outreachexchange.outbox.trust.SealedEvent;
import org.outreachexchange.outbox.trust.TrustedEvents;
import org.outreachexchange.outbox.trust.UntrustedEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Applies a poll of governments' sealed activity events in one commit:
 * <ol>
 *     <li>each record's topic, source, broker timestamp and seal are checked ({@link TrustedEvents#verify});</li>
 *     <li>in one transaction, the authentic ones are admitted into their governments' chains and the exchange log
 *     ({@link TrustedEvents#admit}), and the admitted ones are read into what the service applies and applied;</li>
 *     <li>if that transaction fails, the events are admitted in a transaction of their own, retried while the
 *     database is away (they were said, and the chain goes on past them whether or not their effects apply), and
 *     then applied one by one.</li>
 * </ol>
 * A record refused at any step, or whose effect still fails on its own, goes to the channel's failure strategy (the
 * dead-letter topic) with the reason; the batch is acknowledged once those dead letters are sent. Each dead letter is
 * counted ({@code outreach_events_dead_lettered_total} by topic), and a refused event also by government and reason
 * ({@code outreach_events_refused_total}).
 */
@ApplicationScoped
public class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);
    private static final long MAX_ADMISSION_PAUSE_MILLIS = 5_000;

    /** Turns an admitted event into what the service applies; throwing marks it unreadable. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(SealedEvent event) throws Exception;
    }

    private final TrustedEvents trust;
    private final MeterRegistry registry;
    private final EventChainsHealth chains;

    RecordBatches(TrustedEvents trust, MeterRegistry registry, EventChainsHealth chains) {
        this.trust = trust;
        this.registry = registry;
        this.chains = chains;
    }

    /**
     * @param consumer the consumer's name in the chains and the exchange log
     * @param applyAll applies every readable event in one transaction (all or nothing)
     * @param applyOne applies one event in a transaction of its own, after {@code applyAll} failed
     */
    public <T> CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, String consumer, Reader<T> reader,
                                           Consumer<List<T>> applyAll, Consumer<T> applyOne) {
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> authentic = new ArrayList<>();
        List<SealedEvent> sealed = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                sealed.add(trust.verify(record));
                authentic.add(record);
            } catch (RuntimeException e) {
                deadLettered.add(deadLetter(record, e));
            }
        }
        if (sealed.isEmpty()) {
            return acknowledge(batch, deadLettered);
        }
        Admitted<T> applied;
        try {
            applied = QuarkusTransaction.requiringNew().call(() -> {
                Admitted<T> admitted = read(reader, authentic, sealed, trust.admit(consumer, sealed));
                applyAll.accept(admitted.events());
                return admitted;
            });
        } catch (RuntimeException batchFailed) {
            LOG.debugf("a batch of %d events failed (%s); admitting them, then applying them one by one", sealed.size(),
                    batchFailed.getMessage());
            applied = read(reader, authentic, sealed, admit(consumer, sealed));
            for (int i = 0; i < applied.events().size(); i++) {
                try {
                    applyOne.accept(applied.events().get(i));
                } catch (RuntimeException e) {
                    deadLettered.add(deadLetter(applied.records().get(i), e));
                }
            }
        }
        applied.refused().forEach(refusal -> deadLettered.add(deadLetter(refusal.getKey(), refusal.getValue())));
        return acknowledge(batch, deadLettered);
    }

    /** The admitted events read into what the service applies, with their records; the others and why. */
    private record Admitted<T>(List<T> events, List<KafkaRecord<String, String>> records,
                               List<Map.Entry<KafkaRecord<String, String>, Exception>> refused) {
    }

    /** Reads the events admitted; nothing is dead-lettered here, as the transaction around it may still fail. */
    private <T> Admitted<T> read(Reader<T> reader, List<KafkaRecord<String, String>> authentic, List<SealedEvent> sealed,
                                 List<UntrustedEventException> verdicts) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<T> events = new ArrayList<>();
        List<Map.Entry<KafkaRecord<String, String>, Exception>> refused = new ArrayList<>();
        for (int i = 0; i < sealed.size(); i++) {
            if (verdicts.get(i) != null) {
                refused.add(Map.entry(authentic.get(i), verdicts.get(i)));
                continue;
            }
            try {
                events.add(reader.read(sealed.get(i)));
                readable.add(authentic.get(i));
            } catch (Exception e) {
                refused.add(Map.entry(authentic.get(i), e));
            }
        }
        return new Admitted<>(events, readable, refused);
    }

    private static CompletionStage<Void> acknowledge(KafkaRecordBatch<String, String> batch, List<CompletableFuture<Void>> deadLettered) {
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(sent -> batch.ack());
    }

    /** Admission only fails when the database does; the events wait for it rather than go to the dead-letter topic. */
    private List<UntrustedEventException> admit(String consumer, List<SealedEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        long pause = 100;
        while (true) {
            try {
                return trust.admit(consumer, events);
            } catch (RuntimeException e) {
                LOG.warnf("cannot admit %d events into the chains yet, retrying: %s", events.size(), e.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to admit events", interrupted);
                }
                pause = Math.min(pause * 2, MAX_ADMISSION_PAUSE_MILLIS);
            }
        }
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
