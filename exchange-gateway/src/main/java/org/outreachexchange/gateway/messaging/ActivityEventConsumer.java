package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.outreachexchange.gateway.service.NoticeService;

/** Reads every government's activity topic; a message that cannot be read or applied goes to the dead-letter topic. */
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
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CloudEventHeaders ce = CloudEventHeaders.of(record.headers());
        if (record.value() == null) {
            throw new IllegalArgumentException("activity event " + ce.id() + " has no data");
        }
        ActivityChanged event = json.readValue(record.value(), ActivityChanged.class).requireUsable();
        notices.apply(ce, event, record.value());
    }
}
