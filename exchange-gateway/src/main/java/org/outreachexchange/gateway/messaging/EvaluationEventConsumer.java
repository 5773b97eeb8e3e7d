package org.outreachexchange.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.outreachexchange.events.EventSchemas;
import org.outreachexchange.gateway.service.EvaluationService;

/**
 * Reads the evaluation topic: re-evaluations and proposal events, told apart by their CloudEvent type. A message that
 * cannot be read or applied, or of a type this gateway does not know, goes to the dead-letter topic.
 */
@ApplicationScoped
public class EvaluationEventConsumer {

    public static final String CHANNEL = "evaluations";
    static final String REEVALUATED = "outreach.country.reevaluated";
    static final String PROPOSAL_PREFIX = "outreach.proposal.";

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
        EventSchemas.ofType(ce.type()).ifPresent(schema -> schema.requireReadable(ce.dataschema()));
        if (REEVALUATED.equals(ce.type())) {
            evaluations.apply(ce, json.readValue(record.value(), CountryReevaluated.class).requireUsable(), record.value());
        } else if (ce.type().startsWith(PROPOSAL_PREFIX)) {
            evaluations.apply(ce, json.readValue(record.value(), ProposalChanged.class).requireUsable(), record.value());
        } else {
            throw new IllegalArgumentException("event " + ce.id() + " has type " + ce.type() + ", which this gateway does not know");
        }
    }
}
