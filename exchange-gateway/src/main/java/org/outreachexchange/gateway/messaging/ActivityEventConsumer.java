package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.outreachexchange.gateway.service.NoticeService;
import org.outreachexchange.outbox.RecordBatches;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

/**
 * Reads every government's activity topic a poll at a time, each poll applied in one transaction
 * ({@link RecordBatches}). A record that cannot be read, or that fails when applied on its own, goes to the
 * dead-letter topic; the rest of its batch is applied.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    public static final String CHANNEL = "activities";

    private final ObjectMapper json;
    private final NoticeService notices;

    ActivityEventConsumer(ObjectMapper json, NoticeService notices) {
        this.json = json;
        this.notices = notices;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return RecordBatches.apply(batch, this::read, notices::applyAll, notices::apply);
    }

    private NoticeService.Change read(KafkaRecord<String, String> record) throws IOException {
        CloudEventHeaders ce = CloudEventHeaders.of(record.getHeaders());
        if (record.getPayload() == null) {
            throw new IllegalArgumentException("activity event " + ce.id() + " has no data");
        }
        ActivityChanged event = json.readValue(record.getPayload(), ActivityChanged.class).requireUsable();
        return new NoticeService.Change(ce, event, record.getPayload());
    }
}
