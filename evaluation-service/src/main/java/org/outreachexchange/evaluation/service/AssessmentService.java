package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.outreachexchange.evaluation.config.EvaluationConfig;
import org.outreachexchange.evaluation.domain.AssessmentProposal;
import org.outreachexchange.evaluation.domain.AssessmentProposalRepository;
import org.outreachexchange.evaluation.domain.CountryEvaluationRepository;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.Origin;
import org.outreachexchange.evaluation.domain.OriginKind;
import org.outreachexchange.evaluation.domain.ProposalResponse;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Partner assessments: one government proposes, the others concur or object; adoption re-evaluates the country. */
@ApplicationScoped
public class AssessmentService {

    private final AssessmentProposalRepository proposals;
    private final CountryEvaluationRepository countries;
    private final EvaluationService evaluations;
    private final TrustedGovernments partners;
    private final EvaluationConfig config;
    private final Clock clock;

    AssessmentService(AssessmentProposalRepository proposals, CountryEvaluationRepository countries,
                      EvaluationService evaluations, TrustedGovernments partners, EvaluationConfig config, Clock clock) {
        this.proposals = proposals;
        this.countries = countries;
        this.evaluations = evaluations;
        this.partners = partners;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public AssessmentProposal propose(AgencyIdentity caller, ProposalRequest request) {
        actingForOwnGovernment(caller, request.government());
        boolean noElements = request.elements() == null || request.elements().isEmpty();
        boolean noFactors = request.factors() == null || request.factors().isEmpty();
        if (noElements && noFactors) {
            throw ProblemException.invalid("elements", "required", "propose at least one element or factor score");
        }
        if (countries.findByIdOptional(request.country()).isEmpty()) {
            throw ProblemException.invalid("country", "known", request.country() + " is not an evaluated country");
        }
        Instant now = clock.instant();
        AssessmentProposal proposal = new AssessmentProposal();
        proposal.id = UUID.randomUUID();
        proposal.country = request.country();
        proposal.proposedBy = caller.government();
        proposal.proposedByAgency = caller.agency();
        proposal.proposedAt = now;
        proposal.rationale = request.rationale();
        Map<Element, ElementEvidence> elements = new EnumMap<>(Element.class);
        if (!noElements) {
            String source = "Partner assessment " + proposal.id + " proposed by " + caller.government() + " (" + caller.agency() + ")";
            request.elements().forEach((element, change) -> elements.put(element,
                    new ElementEvidence(change.assessment(), change.evidence(), source, now.atZone(ZoneOffset.UTC).toLocalDate())));
        }
        proposal.elementChanges = elements;
        proposal.factorChanges = noFactors ? Map.of() : Map.copyOf(request.factors());
        proposal.status = ProposalStatus.OPEN;
        proposals.persist(proposal);
        return proposal;
    }

    @Transactional
    public List<AssessmentProposal> list() {
        return proposals.newestFirst();
    }

    @Transactional
    public Optional<AssessmentProposal> find(UUID id) {
        return proposals.findByIdOptional(id);
    }

    @Transactional
    public AssessmentProposal concur(UUID id, AgencyIdentity caller, ResponseRequest request) {
        AssessmentProposal proposal = respondable(id, caller, request);
        proposal.responses.add(response(caller, ProposalResponse.Kind.CONCURRENCE, request));
        Set<String> others = otherPartners(proposal);
        long concurring = proposal.responses.stream().filter(r -> r.kind() == ProposalResponse.Kind.CONCURRENCE)
                .filter(r -> others.contains(r.government())).count();
        boolean adopted = switch (config.assessments().adoption()) {
            case UNANIMITY -> concurring == others.size();
            case MAJORITY -> concurring * 2 > others.size();
        };
        if (adopted) {
            proposal.status = ProposalStatus.ADOPTED;
            proposal.decidedAt = clock.instant();
            evaluations.reevaluate(Map.of(proposal.country, new Mutation(proposal.elementChanges, proposal.factorChanges)),
                    evaluations.currentCriteria(),
                    new Origin(OriginKind.PARTNER_ASSESSMENT, proposal.id.toString(), proposal.proposedBy),
                    "Partner assessment by " + proposal.proposedBy + " adopted with the concurrence of "
                            + String.join(", ", concurringGovernments(proposal)) + ": " + proposal.rationale);
        }
        // Flushed here so that a concurrent answer surfaces as an OptimisticLockException (409), not a failed commit.
        proposals.flush();
        return proposal;
    }

    /** One objection drops the proposal. */
    @Transactional
    public AssessmentProposal object(UUID id, AgencyIdentity caller, ResponseRequest request) {
        AssessmentProposal proposal = respondable(id, caller, request);
        proposal.responses.add(response(caller, ProposalResponse.Kind.OBJECTION, request));
        proposal.status = ProposalStatus.DROPPED;
        proposal.decidedAt = clock.instant();
        proposals.flush();
        return proposal;
    }

    private AssessmentProposal respondable(UUID id, AgencyIdentity caller, ResponseRequest request) {
        actingForOwnGovernment(caller, request == null ? null : request.government());
        AssessmentProposal proposal = find(id).orElseThrow(() -> ProblemException.notFound("no assessment proposal " + id));
        if (proposal.proposedBy.equals(caller.government())) {
            throw new AgencyForbiddenException(caller.government() + " proposed this assessment and cannot answer it");
        }
        if (proposal.status != ProposalStatus.OPEN) {
            throw ProblemException.conflict("proposal " + id + " is " + proposal.status + " and takes no more answers");
        }
        if (proposal.answeredBy(caller.government())) {
            throw ProblemException.conflict(caller.government() + " has already answered proposal " + id);
        }
        proposal.responses = new ArrayList<>(proposal.responses);
        return proposal;
    }

    private ProposalResponse response(AgencyIdentity caller, ProposalResponse.Kind kind, ResponseRequest request) {
        return new ProposalResponse(caller.government(), caller.agency(), kind,
                request == null ? null : request.comment(), clock.instant());
    }

    private Set<String> otherPartners(AssessmentProposal proposal) {
        Set<String> others = new TreeSet<>(partners.governments());
        others.remove(proposal.proposedBy);
        return others;
    }

    private static List<String> concurringGovernments(AssessmentProposal proposal) {
        return proposal.responses.stream().filter(r -> r.kind() == ProposalResponse.Kind.CONCURRENCE)
                .map(ProposalResponse::government).toList();
    }

    private static void actingForOwnGovernment(AgencyIdentity caller, String government) {
        if (government != null && !government.equals(caller.government())) {
            throw new AgencyForbiddenException("agencies of " + caller.government() + " may not act for " + government);
        }
    }
}
