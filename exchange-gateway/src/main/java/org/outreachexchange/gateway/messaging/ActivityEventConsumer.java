package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.outreachexchange.gateway.service.NoticeService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads every government's activity topic a poll at a time and applies each poll in one transaction, so a burst
 * costs one commit rather than one per event. A record that cannot be read, or that fails when applied on its own,
 * goes to the dead-letter topic; the rest of its batch is applied.
 */
@ApplicationScoped
public class ActivityEventConsumer {

    public static final String CHANNEL = "activities";

    private static final Logger LOG = Logger.getLogger(ActivityEventConsumer.class);

    private final ObjectMapper json;
    private final NoticeService notices;

    ActivityEventConsumer(ObjectMapper json, NoticeService notices) {
        this.json = json;
        this.notices = notices;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<NoticeService.Change> changes = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                changes.add(read(record));
                readable.add(record);
            } catch (RuntimeException | IOException e) {
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        try {
            notices.applyAll(changes);
        } catch (RuntimeException batchFailed) {
            LOG.debugf("a batch of %d activity events failed (%s); applying them one by one", changes.size(), batchFailed.getMessage());
            for (int i = 0; i < changes.size(); i++) {
                try {
                    notices.apply(changes.get(i));
                } catch (RuntimeException e) {
                    deadLettered.add(readable.get(i).nack(e).toCompletableFuture());
                }
            }
        }
        return CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).thenCompose(sent -> batch.ack());
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
