package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.outreachexchange.evaluation.config.EvaluationConfig;
import org.outreachexchange.evaluation.service.ActivityResultsService;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.events.EventValues;
import org.outreachexchange.outbox.RecordBatches;
import org.outreachexchange.outbox.trust.SealedEvent;
import org.outreachexchange.outbox.trust.UntrustedEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads every government's activity topic. Each event's topic, source, broker timestamp, seal and chain are checked
 * ({@link RecordBatches}) before the value is parsed here, and the body must name the topic's government as organizer;
 * an event refused or unreadable goes to the dead-letter topic with the reason instead of stopping the stream.
 * Failures that may pass are retried first, so a short database outage does not dead-letter good events.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    public static final String CHANNEL = "activity-events";

    private static final Logger LOG = Logger.getLogger(ActivityEventConsumer.class);

    private final ObjectMapper mapper;
    private final ActivityResultsService results;
    private final RecordBatches batches;
    private final EvaluationConfig.Activities config;

    ActivityEventConsumer(ObjectMapper mapper, ActivityResultsService results, RecordBatches batches, EvaluationConfig config) {
        this.mapper = mapper;
        this.results = results;
        this.batches = batches;
        this.config = config.activities();
    }

    /**
     * A poll at a time, applied in one transaction ({@link RecordBatches}). If that fails, each event is applied on its
     * own, with retries, and only an event that still fails goes to the dead-letter topic.
     */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, ActivityResultsService.CONSUMER, this::read, results::applyAll, this::applyWithRetries);
    }

    private ActivityResultsService.Applied read(SealedEvent sealed) {
        EventSchemas.ACTIVITY_EVENT.requireReadable(sealed.dataschema());
        ActivityChanged event = parse(mapper, sealed.data());
        sealed.requireOrganizer(event.organizer());
        return new ActivityResultsService.Applied(sealed, event);
    }

    private void applyWithRetries(ActivityResultsService.Applied event) {
        long pauseMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                results.apply(event);
                return;
            } catch (PoisonMessageException | UntrustedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    throw e;
                }
                LOG.warnf("attempt %d to apply event %s failed, retrying: %s", attempt, event.sealed().id(), e.getMessage());
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    static ActivityChanged parse(ObjectMapper mapper, String value) {
        if (value == null) {
            throw new PoisonMessageException("no value");
        }
        ActivityChanged event;
        try {
            event = mapper.readValue(value, ActivityChanged.class);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not an activity event: " + e.getOriginalMessage());
        }
        List<String> missing = new ArrayList<>();
        if (event.activityId() == null) missing.add("activityId");
        if (event.version() == null) missing.add("version");
        if (event.organizer() == null) missing.add("organizer");
        if (event.type() == null) missing.add("type");
        if (event.recipients() == null) missing.add("recipients");
        if (event.schedule() == null) missing.add("schedule");
        if (event.period() == null || event.period().first() == null || event.period().last() == null) missing.add("period");
        if (event.status() == null) missing.add("status");
        if (!missing.isEmpty()) {
            throw new PoisonMessageException("activity event lacks " + String.join(", ", missing));
        }
        EventValues.name("type", event.type());
        return event;
    }
}
