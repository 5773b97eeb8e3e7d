package org.outreachexchange.gateway.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.gateway.console.EvaluationJson.Criteria;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaPreview;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaRequest;
import org.outreachexchange.gateway.console.EvaluationJson.Proposal;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The proposals inbox: concur or object with a comment; criteria previewed as a table of what would change, and
 * proposed. Every answer and proposal goes to the evaluation-service as the officer.
 */
@Path("/console/proposals")
@Produces(MediaType.TEXT_HTML)
@PublicEndpoint
public class ProposalPageResource {

    /** Recently decided proposals shown with the government's answers. */
    private static final int RECENT = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance proposals(ProposalsView proposals);
    }

    private final EvaluationApi evaluations;
    private final ConsoleSession session;

    ProposalPageResource(EvaluationApi evaluations, ConsoleSession session) {
        this.evaluations = evaluations;
        this.session = session;
    }

    @GET
    public TemplateInstance inbox() {
        session.require();
        Map<String, String> draft = session.draft();
        // A comment typed before the session expired goes back into its proposal's form.
        Optional<UUID> drafted = Optional.ofNullable(draft.get("proposal")).flatMap(ProposalPageResource::uuid);
        return page(drafted, null, draft.get("comment"), draft, null, null);
    }

    /** Concur or object: back to the inbox, or the API's problem beside the comment. */
    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        session.requireForm(form);
        UUID proposal = uuid(id).orElseThrow(
                () -> new UpstreamProblem(new ProblemView(404, "Not Found", "no such proposal", List.of())));
        String answer = form.getFirst("answer");
        String comment = form.getFirst("comment");
        try {
            if (!"CONCUR".equals(answer) && !"OBJECT".equals(answer)) {
                throw new UpstreamProblem(new ProblemView(400, "Bad Request", "",
                        List.of(new FieldError("answer", "enum", "choose concur or object"))));
            }
            evaluations.answer(proposal, "CONCUR".equals(answer), comment);
            return Response.seeOther(URI.create("/console/proposals#proposal-" + proposal)).build();
        } catch (UpstreamProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(page(Optional.of(proposal), refused.problem(), comment, Map.of(), null, null)).build();
        }
    }

    /** Preview a criteria version ({@code action=preview}) or propose it ({@code action=propose}). */
    @POST
    @Path("/criteria")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response criteria(MultivaluedMap<String, String> form) {
        session.requireForm(form);
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
        CriteriaRequest request = criteriaRequest(typed);
        try {
            if ("propose".equals(typed.get("action"))) {
                Proposal opened = evaluations.proposeCriteria(request);
                return Response.seeOther(URI.create("/console/proposals#proposal-" + opened.id())).build();
            }
            return Response.ok(page(Optional.empty(), null, null, typed, evaluations.preview(request), null)).build();
        } catch (UpstreamProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(page(Optional.empty(), null, null, typed, null, refused.problem())).build();
        }
    }

    private TemplateInstance page(Optional<UUID> failed, ProblemView problem, String comment, Map<String, String> typed,
                                  CriteriaPreview preview, ProblemView criteriaProblem) {
        List<Criteria> versions = evaluations.criteria();
        Optional<Criteria> inForce = versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        List<Proposal> awaiting = evaluations.awaitingMe();
        List<Proposal> recent = new ArrayList<>(evaluations.proposals("OPEN", EvaluationApi.PAGE));
        recent.addAll(evaluations.proposals("ADOPTED", RECENT));
        recent.addAll(evaluations.proposals("DROPPED", RECENT));
        Map<UUID, CriteriaPreview> previews = new LinkedHashMap<>();
        for (Proposal p : awaiting) {
            if ("CRITERIA".equals(p.kind()) && p.criteria() != null) {
                previews.put(p.id(), evaluations.preview(new CriteriaRequest(new LinkedHashMap<>(p.criteria().weights()),
                        p.criteria().highThreshold(), p.summary())));
            }
        }
        boolean mayDecide = session.hasRole(Role.EVALUATOR.claim()) || session.hasRole(Role.COORDINATOR.claim());
        return session.page(Templates.proposals(ProposalsView.of(session.government(), mayDecide, awaiting, recent, inForce,
                previews, ProposalsView.CriteriaForm.of(typed, inForce, preview, criteriaProblem), failed, problem, comment)));
    }

    /** What was typed, sent as typed: a weight that is not a number reaches the API, which names it. */
    static CriteriaRequest criteriaRequest(Map<String, String> typed) {
        Map<String, Object> weights = new LinkedHashMap<>();
        for (String factor : Labels.FACTORS) {
            String value = typed.getOrDefault(ProposalsView.weightField(factor), "").trim();
            if (!value.isEmpty()) {
                weights.put(factor, number(value));
            }
        }
        String threshold = typed.getOrDefault("highThreshold", "").trim();
        return new CriteriaRequest(weights, threshold.isEmpty() ? null : number(threshold), typed.getOrDefault("rationale", ""));
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Object number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
