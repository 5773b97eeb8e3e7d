package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters may not hold control characters (a NUL, once decoded from {@code %00}, is refused by
 * PostgreSQL and means nothing in any code, date or cursor): 400 naming each such parameter, rule
 * {@code control-characters}, as bodies get from the shared {@code InputLimits}. Runs after
 * authentication and the role check.
 */
public class PlainParameters {

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public void refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(), errors);
        check(uri.getQueryParameters(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean tainted = hasControlCharacters(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(PlainParameters::hasControlCharacters);
            if (tainted) {
                String field = hasControlCharacters(parameter.getKey()) ? "query" : parameter.getKey();
                errors.add(new FieldError(field, "control-characters", "a parameter may not hold control characters"));
            }
        }
    }

    static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
