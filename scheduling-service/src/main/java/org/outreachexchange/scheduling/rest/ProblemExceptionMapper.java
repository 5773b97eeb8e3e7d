package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.util.LinkedHashMap;
import java.util.Map;

public class ProblemExceptionMapper {

    static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    @ServerExceptionMapper
    public Response unauthenticated(AgencyAuthenticationException e) {
        return problem(401, "Unauthenticated", e.getMessage()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(AgencyForbiddenException e) {
        return problem(403, "Forbidden", e.getMessage()).build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM).entity(body);
    }
}
