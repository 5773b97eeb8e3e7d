package org.outreachexchange.scheduling.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;
import org.outreachexchange.scheduling.domain.ActivityStateException;
import org.outreachexchange.scheduling.service.ActivityNotFoundException;
import org.outreachexchange.scheduling.service.IdempotencyKeyReusedException;
import org.outreachexchange.scheduling.service.InvalidRequestException;
import org.outreachexchange.scheduling.service.PreconditionFailedException;
import org.outreachexchange.scheduling.service.PreconditionRequiredException;
import org.outreachexchange.scheduling.service.Violation;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The service's one exception mapper: every error leaves as an RFC 9457 problem, and no stack trace leaves at all. */
public class ProblemExceptionMapper {

    static final String PROBLEM_JSON = "application/problem+json";
    static final MediaType PROBLEM = MediaType.valueOf(PROBLEM_JSON);
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response unauthenticated(AgencyAuthenticationException e, UriInfo uri) {
        return problem(401, "Unauthenticated", e.getMessage(), uri).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(AgencyForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return invalid(e.violations(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return invalid(List.of(violation(e)), "the body is not a valid request", uri);
    }

    /** Declared for the exact type because Quarkus ships a closer-matching mapper that answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolated(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(leaf(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        return invalid(violations, "the request breaks " + violations.size() + " rule(s)", uri);
    }

    @ServerExceptionMapper
    public Response notFound(ActivityNotFoundException e, UriInfo uri) {
        return problem(404, "Not Found", e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response conflict(ActivityStateException e, UriInfo uri) {
        return problem(409, "Conflict", e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response stale(PreconditionFailedException e, UriInfo uri) {
        return problem(412, "Precondition Failed", e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequiredException e, UriInfo uri) {
        return problem(428, "Precondition Required", e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "Unprocessable Content", e.getMessage(), uri).build();
    }

    /**
     * Routing and content negotiation errors (unknown path, wrong method or media type), and unreadable bodies, which
     * the JSON reader reports as a 400 wrapping Jackson's exception.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, uri.getPath());
        return problem(500, "Internal Server Error", "an unexpected error occurred; it was logged as incident " + incident, uri).build();
    }

    private static Response invalid(List<Violation> violations, String detail, UriInfo uri) {
        Map<String, Object> body = body(400, "Bad Request", detail, uri);
        body.put("errors", violations);
        return Response.status(400).type(PROBLEM).entity(body).build();
    }

    private static Violation violation(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Violation(path(unknown), "known-field", "'" + unknown.getPropertyName() + "' is not a field of this request");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new Violation(path(format), "enum",
                        "'" + format.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants()));
            }
            if (target != null && (Temporal.class.isAssignableFrom(target) || TemporalAccessor.class.isAssignableFrom(target))) {
                return new Violation(path(format), "iso-date",
                        "'" + format.getValue() + "' is not an ISO " + target.getSimpleName() + " (e.g. 2008-09-15, or 2008-09 for a month)");
            }
            return new Violation(path(format), "format", "'" + format.getValue() + "' cannot be read as " + simpleName(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new Violation(path(mismatch), "type", "expected " + simpleName(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Violation(path(mapping), "format", "the value cannot be read");
        }
        return new Violation("body", "json", "the body is not well-formed JSON");
    }

    /** Jackson's reference chain as a JSON path like {@code objectives[0].element}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "another type" : type.getSimpleName();
    }

    private static String leaf(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(PROBLEM).entity(body(status, title, detail, uri));
    }

    private static Map<String, Object> body(int status, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        return body;
    }
}
