package org.outreachexchange.evaluation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.outbox.Outbox;
import org.outreachexchange.outbox.OutgoingEvent;

import java.time.Instant;
import java.util.List;

/**
 * Writes proposal events (opened, adopted, dropped) to the outbox, inside the transaction that makes the change.
 * Key and subject are the proposal id, so one proposal's events keep their order.
 */
@ApplicationScoped
public class ProposalEvents {

    private final Outbox outbox;
    private final ObjectMapper mapper;

    ProposalEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** The event for the proposal's current status, with the partners it still awaits. */
    public void append(Proposal proposal, List<String> awaiting, Instant occurredAt) {
        try {
            outbox.append(OutgoingEvent.about(proposal.id.toString(), ProposalChanged.type(proposal.status),
                    ProposalChanged.SOURCE, mapper.writeValueAsString(data(proposal, awaiting, occurredAt)), occurredAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the event of proposal " + proposal.id, e);
        }
    }

    /** The event data; nothing in it is restricted detail. */
    public static ProposalChanged data(Proposal proposal, List<String> awaiting, Instant occurredAt) {
        return new ProposalChanged(proposal.id, proposal.kind, proposal.status, proposal.proposedBy,
                List.copyOf(proposal.countries), proposal.proposedAt, proposal.decidedAt,
                proposal.responses.stream().map(r -> new ProposalChanged.Response(r.government(), r.kind(), r.at())).toList(),
                List.copyOf(awaiting), proposal.restricted(), proposal.audience, proposal.summary(), occurredAt);
    }
}
