package org.outreachexchange.gateway.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriBuilder;
import org.outreachexchange.gateway.config.ConsoleConfig;
import org.outreachexchange.gateway.console.EvaluationJson.Answer;
import org.outreachexchange.gateway.console.EvaluationJson.Coverage;
import org.outreachexchange.gateway.console.EvaluationJson.Criteria;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaPreview;
import org.outreachexchange.gateway.console.EvaluationJson.CriteriaRequest;
import org.outreachexchange.gateway.console.EvaluationJson.Evaluation;
import org.outreachexchange.gateway.console.EvaluationJson.History;
import org.outreachexchange.gateway.console.EvaluationJson.Proposal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared evaluation-service ({@code outreach.console.evaluation-url}), called with the signed-in officer's token:
 * what it redacts for the officer's government stays redacted, and what it refuses the officer is refused.
 */
@RequestScoped
public class EvaluationApi {

    /** The most any list of the evaluation-service answers in one page; the console shows one page. */
    static final int PAGE = 1000;

    private final UpstreamClient client;
    private final ConsoleSession session;
    private final ConsoleConfig config;

    EvaluationApi(UpstreamClient client, ConsoleSession session, ConsoleConfig config) {
        this.client = client;
        this.session = session;
        this.config = config;
    }

    /** Every evaluated economy, by priority or by country, optionally of one category or risk band. */
    public List<Evaluation> evaluations(String sort, Optional<String> category, Optional<String> riskBand) {
        UriBuilder uri = path("evaluations").queryParam("sort", sort).queryParam("limit", PAGE);
        category.ifPresent(c -> uri.queryParam("category", c));
        riskBand.ifPresent(b -> uri.queryParam("riskBand", b));
        return client.list(uri.build(), session.bearer(), Evaluation.class);
    }

    /** One country's evaluation now (with the open proposals that would change it) or at the end of a day. */
    public Evaluation evaluation(String country, Optional<LocalDate> at) {
        UriBuilder uri = path("evaluations").path(country);
        at.ifPresent(day -> uri.queryParam("at", day));
        return client.get(uri.build(), session.bearer(), Evaluation.class);
    }

    /** Every recorded change of one country's evaluation, oldest first. */
    public List<History> history(String country) {
        return client.list(path("evaluations").path(country).path("history").queryParam("limit", PAGE).build(),
                session.bearer(), History.class);
    }

    /** Open proposals the officer's government did not make and has not answered, newest first. */
    public List<Proposal> awaitingMe() {
        return client.list(path("proposals").queryParam("awaiting", "me").queryParam("limit", PAGE).build(),
                session.bearer(), Proposal.class);
    }

    /** Proposals of one status, newest first. */
    public List<Proposal> proposals(String status, int limit) {
        return client.list(path("proposals").queryParam("status", status).queryParam("limit", limit).build(),
                session.bearer(), Proposal.class);
    }

    public Proposal proposal(UUID id) {
        return client.get(path("proposals").path(id.toString()).build(), session.bearer(), Proposal.class);
    }

    /** Concur ({@code true}) or object, for the officer's own government. */
    public Proposal answer(UUID proposal, boolean concur, String comment) {
        return client.post(path("proposals").path(proposal.toString()).path(concur ? "concurrences" : "objections").build(),
                session.bearer(), new Answer(comment == null || comment.isBlank() ? null : comment), Proposal.class);
    }

    /** The criteria versions adopted so far, oldest first; the last is in force. */
    public List<Criteria> criteria() {
        return client.list(path("criteria").queryParam("limit", PAGE).build(), session.bearer(), Criteria.class);
    }

    /** What a criteria version would change; changes nothing. */
    public CriteriaPreview preview(CriteriaRequest criteria) {
        return client.post(path("criteria").path("previews").build(), session.bearer(), criteria, CriteriaPreview.class);
    }

    /** Opens a CRITERIA proposal; nothing changes until the partners concur. */
    public Proposal proposeCriteria(CriteriaRequest criteria) {
        return client.post(path("criteria").build(), session.bearer(), criteria, Proposal.class);
    }

    /** High-risk economies without a planned activity the officer's government may see, and the tools still unplanned. */
    public Coverage coverage(String from, String to) {
        return client.get(path("coverage").queryParam("from", from).queryParam("to", to).build(), session.bearer(),
                Coverage.class);
    }

    private UriBuilder path(String first) {
        String base = config.evaluationUrl().orElseThrow(() -> new UpstreamProblem(
                ProblemView.unavailable("the evaluation-service", "outreach.console.evaluation-url is not set")));
        return UriBuilder.fromUri(URI.create(base)).path(first);
    }
}
