package org.outreachexchange.gateway.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's own record of the evaluation-service's proposal events ({@code outreach.proposal.opened},
 * {@code .adopted}, {@code .dropped}): a proposed change to the shared evaluation and where it stands. They carry no
 * restricted detail, so every partner, each of which answers proposals, may receive them.
 */
public record ProposalChanged(String proposalId, String kind, String status, String proposedBy, List<String> countries,
                              List<String> awaiting, Instant occurredAt) {

    public ProposalChanged requireUsable() {
        if (proposalId == null || kind == null || status == null || proposedBy == null || occurredAt == null) {
            throw new IllegalArgumentException("proposal event: missing proposalId, kind, status, proposedBy or occurredAt");
        }
        return this;
    }

    public List<String> countryList() {
        return countries == null ? List.of() : countries;
    }
}
