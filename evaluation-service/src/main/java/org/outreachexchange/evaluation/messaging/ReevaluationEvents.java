package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.evaluation.domain.Origin;
import org.outreachexchange.evaluation.domain.Outcome;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.service.RoleSharingService;
import org.outreachexchange.outbox.Outbox;
import org.outreachexchange.outbox.OutgoingEvent;

import java.time.Instant;
import java.util.List;

/** Writes re-evaluation events to the outbox, inside the transaction that makes the change. */
@ApplicationScoped
public class ReevaluationEvents {

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final RoleSharingService roles;

    ReevaluationEvents(Outbox outbox, ObjectMapper mapper, RoleSharingService roles) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.roles = roles;
    }

    public void append(Outcome outcome, int evaluationVersion, Origin origin, String reason, Instant occurredAt) {
        CountryReevaluated data = new CountryReevaluated(outcome.after().country(), outcome.after().countryName(),
                evaluationVersion, reason, origin, CountryReevaluated.State.of(outcome.before()),
                CountryReevaluated.State.of(outcome.after()), List.copyOf(outcome.changes()),
                ReferenceData.recommendation(outcome.after().category(), roles.inForce()), occurredAt);
        try {
            outbox.append(OutgoingEvent.about(data.country(), CountryReevaluated.TYPE, CountryReevaluated.SOURCE,
                    mapper.writeValueAsString(data), occurredAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write re-evaluation event for " + data.country(), e);
        }
    }
}
