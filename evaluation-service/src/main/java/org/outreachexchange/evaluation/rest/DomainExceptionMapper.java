package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.edge.ProblemMapper;
import org.outreachexchange.evaluation.domain.AnswerRefusedException;

import java.util.List;

/** The evaluation-service's own domain errors, in the problem shape the shared REST edge gives every other error. */
public class DomainExceptionMapper {

    /** What the government may not answer at all is a 403; the rest conflict with the proposal's state (409). */
    @ServerExceptionMapper
    public Response answerRefused(AnswerRefusedException e, UriInfo uri) {
        int status = e.reason().forbidden() ? 403 : 409;
        return ProblemMapper.problem(status, e.getMessage(), List.of(), uri).build();
    }
}
