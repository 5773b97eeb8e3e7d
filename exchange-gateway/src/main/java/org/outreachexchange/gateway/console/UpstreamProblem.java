package org.outreachexchange.gateway.console;

/**
 * A service refused or failed a console call: its RFC 9457 problem, kept whole so the page shows its detail and each
 * field error beside its field.
 */
public class UpstreamProblem extends RuntimeException {

    private final ProblemView problem;

    public UpstreamProblem(ProblemView problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemView problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
