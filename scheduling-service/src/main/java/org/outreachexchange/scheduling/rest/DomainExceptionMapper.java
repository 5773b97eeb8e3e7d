package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.edge.ProblemMapper;
import org.outreachexchange.scheduling.domain.ActivityStateException;

import java.util.List;

/** The scheduling-service's own domain errors, in the problem shape the shared REST edge gives every other error. */
public class DomainExceptionMapper {

    @ServerExceptionMapper
    public Response conflict(ActivityStateException e, UriInfo uri) {
        return ProblemMapper.problem(409, e.getMessage(), List.of(), uri).build();
    }
}
