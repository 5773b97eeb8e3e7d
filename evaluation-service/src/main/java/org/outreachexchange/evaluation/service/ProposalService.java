package org.outreachexchange.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.edge.RequestValidator;
import org.outreachexchange.evaluation.config.EvaluationConfig;
import org.outreachexchange.evaluation.domain.AnswerRefusedException;
import org.outreachexchange.evaluation.domain.CountryEvaluationRepository;
import org.outreachexchange.evaluation.domain.Criteria;
import org.outreachexchange.evaluation.domain.CriteriaRepository;
import org.outreachexchange.evaluation.domain.CriteriaVersion;
import org.outreachexchange.evaluation.domain.Element;
import org.outreachexchange.evaluation.domain.ElementEvidence;
import org.outreachexchange.evaluation.domain.Mutation;
import org.outreachexchange.evaluation.domain.PartnerLeads;
import org.outreachexchange.evaluation.domain.PartnerLeadsRepository;
import org.outreachexchange.evaluation.domain.Proposal;
import org.outreachexchange.evaluation.domain.ProposalKind;
import org.outreachexchange.evaluation.domain.ProposalRepository;
import org.outreachexchange.evaluation.domain.ProposalStatus;
import org.outreachexchange.evaluation.messaging.ProposalEvents;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.quarkus.TrustedGovernments;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposals of every kind: one government proposes (a partner assessment, a criteria version, or, through its
 * activity event, a completed activity's findings); the other partners concur or object; when the agreed rule is met
 * the proposal is adopted and re-evaluates in the same transaction. One objection drops it. Opened, adopted and
 * dropped proposals are published through the outbox.
 */
@ApplicationScoped
public class ProposalService {

    private static final Logger LOG = Logger.getLogger(ProposalService.class);
    /** The proposals a government opens by request, which {@link #requireRoomFor} caps. */
    private static final List<ProposalKind> CAPPED = List.of(ProposalKind.ASSESSMENT, ProposalKind.CRITERIA);
    /** The advisory lock space (the first of two keys) of the per-government cap; the second key is the government. */
    private static final int OPEN_LOCK_SPACE = 0x0e7a2;

    private final ProposalRepository proposals;
    private final CountryEvaluationRepository countries;
    private final CriteriaRepository criteria;
    private final EvaluationService evaluations;
    private final ProposalEvents events;
    private final TrustedGovernments partners;
    private final EvaluationConfig config;
    private final Clock clock;

    private final RequestValidator requests;
    private final EntityManager entityManager;
    private final PartnerLeadsRepository leadsTable;

    ProposalService(ProposalRepository proposals, CountryEvaluationRepository countries, CriteriaRepository criteria,
                    EvaluationService evaluations, ProposalEvents events, TrustedGovernments partners,
                    EvaluationConfig config, RequestValidator requests, EntityManager entityManager,
                    PartnerLeadsRepository leadsTable, Clock clock) {
        this.leadsTable = leadsTable;
        this.proposals = proposals;
        this.entityManager = entityManager;
        this.requests = requests;
        this.countries = countries;
        this.criteria = criteria;
        this.evaluations = evaluations;
        this.events = events;
        this.partners = partners;
        this.config = config;
        this.clock = clock;
    }

    /** Opens a partner assessment of one country as the caller's government. */
    @Transactional
    public Proposal proposeAssessment(AgencyIdentity caller, ProposalRequest request) {
        Mandate.requireDecider(caller);
        Mandate.requireOwnGovernment(caller, request == null ? null : request.government());
        if (request != null && caller.government().equals(request.country())) {
            throw ProblemException.of(403, caller.government() + " is an evaluated economy and does not assess itself"
                    + " (conflict of interest); its partners may");
        }
        List<FieldError> errors = new ArrayList<>();
        boolean noElements = request == null || request.elements() == null || request.elements().isEmpty();
        boolean noFactors = request == null || request.factors() == null || request.factors().isEmpty();
        if (request != null && noElements && noFactors) {
            errors.add(new FieldError("elements", "required", "propose at least one element or factor score"));
        }
        if (request != null && request.country() != null && request.country().matches("[A-Z]{2}")
                && countries.findByIdOptional(request.country()).isEmpty()) {
            errors.add(new FieldError("country", "known", request.country() + " is not an evaluated country"));
        }
        requests.require(request, errors);
        requireRoomFor(caller.government());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Map<Element, ElementEvidence> elements = new EnumMap<>(Element.class);
        if (!noElements) {
            String source = "Partner assessment " + id + " proposed by " + caller.government() + " (" + caller.agency() + ")";
            request.elements().forEach((element, change) -> elements.put(element, new ElementEvidence(change.assessment(),
                    change.evidence(), source, now.atZone(ZoneOffset.UTC).toLocalDate(), null, id, null)));
        }
        return open(Proposal.openAssessment(id, caller.government(), caller.agency(), request.rationale(), now,
                request.country(), new Mutation(elements, noFactors ? Map.of() : request.factors())));
    }

    /**
     * Refuses (429) a government that already has as many open assessments and criteria proposals as it may. Taken
     * under a lock per government, so concurrent requests cannot pass the cap together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoomFor(String government) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + OPEN_LOCK_SPACE + ", hashtext(?1))")
                .setParameter(1, government).getSingleResult();
        int cap = config.proposals().maxOpenPerGovernment();
        if (proposals.countOpen(government, CAPPED) >= cap) {
            throw ProblemException.of(429, government + " has " + cap + " open assessment and criteria proposals, as many as"
                    + " a government may; more can be opened once some are decided");
        }
    }

    /**
     * Records a proposal just opened, in the caller's transaction, and publishes {@code outreach.proposal.opened}. With
     * no other partner to answer, the rule is met at once and it is adopted in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Proposal open(Proposal proposal) {
        proposal.openTo(partners.governments());
        proposals.persist(proposal);
        events.append(proposal, awaiting(proposal), proposal.proposedAt);
        if (proposal.adoptable(config.proposals().adoption(), partners.governments())) {
            adopt(proposal);
        }
        return proposal;
    }

    /**
     * Up to {@code count} proposals, newest first, after {@code before} in that order if given.
     *
     * @param status             only proposals of this status, if given
     * @param kind               only proposals of this kind, if given
     * @param awaitingGovernment only open proposals this government did not make and has not answered, if given
     */
    @Transactional
    public List<Proposal> list(Optional<ProposalStatus> status, Optional<ProposalKind> kind, Optional<String> awaitingGovernment,
                               Optional<ProposalRepository.Position> before, int count) {
        if (awaitingGovernment.isEmpty()) {
            return proposals.newestFirst(status.orElse(null), kind.orElse(null), before.orElse(null), count);
        }
        // Whether a proposal awaits a government depends on its responses (JSONB), so that filter runs here, a batch
        // at a time, until the page is full or the proposals run out.
        List<Proposal> found = new ArrayList<>();
        ProposalRepository.Position from = before.orElse(null);
        while (found.size() < count) {
            List<Proposal> batch = proposals.newestFirst(status.orElse(null), kind.orElse(null), from, count);
            batch.stream().filter(p -> p.awaits(awaitingGovernment.get())).limit(count - found.size()).forEach(found::add);
            if (batch.size() < count) {
                break;
            }
            from = ProposalRepository.Position.of(batch.get(batch.size() - 1));
        }
        return found;
    }

    @Transactional
    public Proposal get(UUID id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no proposal " + id));
    }

    /** The findings proposal of an activity, if its completion opened one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Proposal> ofActivity(UUID activityId) {
        return proposals.ofActivity(activityId);
    }

    /** Open assessments and findings that would change {@code country}, newest first. */
    @Transactional
    public List<Proposal> openAbout(String country) {
        return proposals.newestFirst(ProposalStatus.OPEN, null).stream()
                .filter(p -> p.kind != ProposalKind.CRITERIA && p.countries.contains(country))
                .toList();
    }

    /** The partners whose answer a proposal still awaits. */
    public List<String> awaiting(Proposal proposal) {
        return proposal.awaiting(partners.governments());
    }

    /**
     * Concurs as the caller's government; the concurrence that meets the adoption rule adopts the proposal.
     *
     * @throws AnswerRefusedException when the caller's government may not answer the proposal (again)
     */
    @Transactional
    public Proposal concur(UUID id, AgencyIdentity caller, ResponseRequest request) {
        Proposal proposal = respondable(id, caller, request);
        proposal.concur(caller.government(), caller.agency(), comment(request), clock.instant());
        if (proposal.adoptable(config.proposals().adoption(), partners.governments())) {
            adopt(proposal);
        }
        // Flushed here so that a concurrent answer surfaces as an OptimisticLockException (409), not a failed commit.
        proposals.flush();
        return proposal;
    }

    /**
     * One objection drops the proposal.
     *
     * @throws AnswerRefusedException when the caller's government may not answer the proposal (again)
     */
    @Transactional
    public Proposal object(UUID id, AgencyIdentity caller, ResponseRequest request) {
        Proposal proposal = respondable(id, caller, request);
        proposal.object(caller.government(), caller.agency(), comment(request), clock.instant());
        events.append(proposal, awaiting(proposal), proposal.decidedAt);
        proposals.flush();
        return proposal;
    }

    /** Applies what the proposal says and re-evaluates, in the caller's transaction; then publishes the adoption. */
    private void adopt(Proposal proposal) {
        Criteria under = proposal.adopt(evaluations.currentCriteria(), clock.instant());
        switch (proposal.kind) {
            case CRITERIA -> {
                criteria.persist(CriteriaVersion.adoptedThrough(proposal));
                evaluations.reevaluate(Map.of(), under, proposal.origin(), proposal.adoptionReason());
            }
            case ROLE_SHARING -> leadsTable.replace(PartnerLeads.of(proposal.proposedBy, proposal.leads, proposal.id,
                    proposal.decidedAt));
            case ASSESSMENT, FINDINGS -> {
                Map<String, Mutation> mutations = new LinkedHashMap<>();
                proposal.orderedChanges().forEach((country, mutation) -> {
                    if (countries.findByIdOptional(country).isPresent()) {
                        mutations.put(country, mutation);
                    } else {
                        LOG.warnf("proposal %s changes %s, which is no longer evaluated; that part is left out", proposal.id, country);
                    }
                });
                evaluations.reevaluate(mutations, under, proposal.origin(), proposal.adoptionReason());
            }
        }
        events.append(proposal, List.of(), proposal.decidedAt);
    }

    /**
     * The proposal, once the caller has shown it may answer proposals at all (before the id is looked up: every
     * agency may see every proposal, so this reveals nothing), that it exists, that the caller acts for its own
     * government, and then that the body is valid.
     */
    private Proposal respondable(UUID id, AgencyIdentity caller, ResponseRequest request) {
        Mandate.requireDecider(caller);
        Proposal proposal = get(id);
        Mandate.requireOwnGovernment(caller, request == null ? null : request.government());
        if (request != null) {
            requests.require(request, List.of());
        }
        return proposal;
    }

    private static String comment(ResponseRequest request) {
        return request == null ? null : request.comment();
    }
}
