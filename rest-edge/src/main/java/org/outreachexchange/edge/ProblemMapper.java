package org.outreachexchange.edge;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The REST edge every service shares: every error leaves as an RFC 9457 problem ({@code type}, {@code title} = the
 * status's reason phrase, {@code status}, {@code detail}, {@code instance}; {@code errors} naming field and rule for a
 * 400; {@code incident} for a 500, also logged), and no stack trace ever leaves. A service adds a mapper of its own only
 * for its domain exceptions, and answers with {@link #problem} so the shape stays the same.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final MediaType PROBLEM = MediaType.valueOf(PROBLEM_JSON);
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response unauthenticated(AgencyAuthenticationException e, UriInfo uri) {
        return problem(401, e.getMessage(), List.of(), uri).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(AgencyForbiddenException e, UriInfo uri) {
        return problem(403, e.getMessage(), List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.getMessage(), e.errors(), uri).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return refused(ProblemException.invalid(RequestValidator.errors(e.getConstraintViolations())), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return refused(ProblemException.invalid(List.of(fieldError(e))), uri);
    }

    /** Declared for the subtypes too, because Quarkus ships closer-matching mappers that answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response concurrent(OptimisticLockException e, UriInfo uri) {
        return problem(409, "someone else changed this at the same time; read it again and retry", List.of(), uri).build();
    }

    /** Routing and negotiation errors, and bodies the JSON reader could not read (it wraps Jackson's exception). */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        return problem(e.getResponse().getStatus(), e.getMessage(), List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s, on %s", incident, uri.getPath());
        Map<String, Object> body = body(500, "the request failed unexpectedly; the service logged it as incident " + incident,
                List.of(), uri);
        body.put("incident", incident);
        return Response.status(500).type(PROBLEM).entity(body).build();
    }

    /** A problem response in the shared shape, for services' own mappers. */
    public static Response.ResponseBuilder problem(int status, String detail, List<FieldError> errors, UriInfo uri) {
        return Response.status(status).type(PROBLEM).entity(body(status, detail, errors, uri));
    }

    private static Map<String, Object> body(int status, String detail, List<FieldError> errors, UriInfo uri) {
        return body(status, detail, errors, uri.getPath());
    }

    /**
     * The problem as a map, for answers written below JAX-RS (the body limit). Texts that quote the request (a value, a
     * field name, the path) are cut to {@link #MAX_TEXT} characters and at most {@link #MAX_ERRORS} errors are listed, so a
     * problem never echoes a huge input back.
     */
    static Map<String, Object> body(int status, String detail, List<FieldError> errors, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", cut(detail));
        body.put("instance", cut(instance));
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().limit(MAX_ERRORS).map(e -> new FieldError(cut(e.field()), e.rule(), cut(e.message()))).toList());
        }
        return body;
    }

    /** The most broken rules a problem lists (its detail still counts them all): a list of 10,000 bad items is not echoed. */
    static final int MAX_ERRORS = 100;

    /** The longest text a problem quotes; longer ones end in an ellipsis. */
    static final int MAX_TEXT = 300;

    static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end) + "…";
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof InputLimits.Refused refused) {
            return new FieldError(path(refused), refused.rule(), refused.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "known-field", "'" + unknown.getPropertyName() + "' is not a field of this request");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new FieldError(path(format), "enum", "must be one of " + Arrays.toString(target.getEnumConstants()));
            }
            if (target != null && TemporalAccessor.class.isAssignableFrom(target)) {
                return new FieldError(path(format), "date", "'" + format.getValue() + "' is not an ISO "
                        + target.getSimpleName() + " (e.g. 2008-09-15, or 2008-09 for a month)");
            }
            return new FieldError(path(format), "format", "'" + format.getValue() + "' cannot be read as " + name(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(path(mismatch), "type", "expected " + name(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "format", "the value cannot be read");
        }
        return new FieldError("body", "json", "the body is not well-formed JSON");
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

    private static String name(Class<?> type) {
        return type == null ? "another type" : type.getSimpleName();
    }
}
