package org.outreachexchange.edge;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters may not hold control characters (a NUL decoded from {@code %00} is refused by PostgreSQL
 * and means nothing in any id, code, date or cursor), and they are refused, never trimmed into a valid value. A path
 * holding one names nothing: 404, as a malformed id is. A query parameter holding one: 400 naming it, rule
 * {@code control-characters}. Runs after authentication and role checks, so it tells an anonymous caller nothing.
 */
public class PlainParameters {

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public void refuseControlCharacters(ContainerRequestContext request) {
        for (List<String> values : request.getUriInfo().getPathParameters().values()) {
            if (values.stream().anyMatch(PlainParameters::hasControlCharacters)) {
                throw ProblemException.notFound("no resource has a path with control characters");
            }
        }
        List<FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (hasControlCharacters(parameter.getKey())) {
                errors.add(new FieldError("query", "control-characters", "a parameter name may not hold control characters"));
            } else if (parameter.getValue().stream().anyMatch(PlainParameters::hasControlCharacters)) {
                errors.add(new FieldError(parameter.getKey(), "control-characters", parameter.getKey()
                        + " may not hold control characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Any C0 control or DEL, tab included: unlike body text, a parameter or header value never needs one. */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
