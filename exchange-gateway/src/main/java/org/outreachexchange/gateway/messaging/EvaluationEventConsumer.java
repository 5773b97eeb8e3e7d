package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.outreachexchange.gateway.service.EvaluationService;

/** Reads re-evaluation events; a message that cannot be read or applied goes to the dead-letter topic. */
@ApplicationScoped
public class EvaluationEventConsumer {

    public static final String CHANNEL = "evaluations";

    private final ObjectMapper json;
    private final EvaluationService evaluations;

    EvaluationEventConsumer(ObjectMapper json, EvaluationService evaluations) {
        this.json = json;
        this.evaluations = evaluations;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        CloudEventHeaders ce = CloudEventHeaders.of(record.headers());
        if (record.value() == null) {
            throw new IllegalArgumentException("re-evaluation event " + ce.id() + " has no data");
        }
        CountryReevaluated event = json.readValue(record.value(), CountryReevaluated.class).requireUsable();
        evaluations.apply(ce, event, record.value());
    }
}
