package org.outreachexchange.evaluation.messaging;

import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalResponse;
import org.outreachexchange.evaluation.domain.ProposalStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of an {@code outreach.proposal.opened|adopted|dropped} event (schemas/proposal-event.schema.json). Every
 * partner receives it, so it carries no restricted detail: for a restricted FINDINGS proposal only who proposed it,
 * for which countries and elements, with which assessments, and who may see the rest ({@code audience}).
 */
public record ProposalChanged(UUID proposalId, ProposalKind kind, ProposalStatus status, String proposedBy,
                              List<String> countries, Instant openedAt, Instant decidedAt, List<Response> responses,
                              List<String> awaiting, boolean restricted, List<String> audience, String summary,
                              Instant occurredAt) {

    public static final String OPENED = "outreach.proposal.opened";
    public static final String ADOPTED = "outreach.proposal.adopted";
    public static final String DROPPED = "outreach.proposal.dropped";
    public static final String SOURCE = CountryReevaluated.SOURCE;

    /** A government's answer, without its comment (which may quote restricted detail). */
    public record Response(String government, ProposalResponse.Kind kind, Instant at) {
    }

    public static String type(ProposalStatus status) {
        return switch (status) {
            case OPEN -> OPENED;
            case ADOPTED -> ADOPTED;
            case DROPPED -> DROPPED;
        };
    }
}
