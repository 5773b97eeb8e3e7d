package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.gateway.service.NoticeService;
import org.outreachexchange.outbox.RecordBatches;
import org.outreachexchange.outbox.trust.SealedEvent;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * Reads every government's activity topic a poll at a time ({@link RecordBatches}): each event's topic, source,
 * broker timestamp, seal and chain are checked before it is read, its body must name the topic's government as
 * organizer, and the admitted events of a poll are applied in one transaction. A record refused or unreadable, or
 * that fails when applied on its own, goes to the dead-letter topic with the reason; the rest of its batch is applied.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    public static final String CHANNEL = "activities";

    private final ObjectMapper json;
    private final NoticeService notices;
    private final RecordBatches batches;

    ActivityEventConsumer(ObjectMapper json, NoticeService notices, RecordBatches batches) {
        this.json = json;
        this.notices = notices;
        this.batches = batches;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, NoticeService.CONSUMER, this::read, notices::applyAll, notices::apply);
    }

    private NoticeService.Change read(SealedEvent sealed) throws IOException {
        EventSchemas.ACTIVITY_EVENT.requireReadable(sealed.dataschema());
        ActivityChanged event = json.readValue(sealed.data(), ActivityChanged.class).requireUsable();
        sealed.requireOrganizer(event.organizer());
        return new NoticeService.Change(sealed, event);
    }
}
