package org.outreachexchange.evaluation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.evaluation.service.ProblemException;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The service's one exception mapper: every error becomes an RFC 9457 problem, never a stack trace. */
public class ProblemExceptionMapper {

    static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response unauthenticated(AgencyAuthenticationException e, UriInfo uri) {
        return problem(401, "Unauthenticated", e.getMessage(), List.of(), uri).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(AgencyForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", e.getMessage(), List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), e.errors(), uri).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(field(v), rule(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return problem(400, "Invalid request", errors.stream().map(x -> x.field() + " " + x.message())
                .collect(Collectors.joining("; ")), errors, uri).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String name = field.isEmpty() ? "body" : field;
        return problem(400, "Invalid request", name + ": " + e.getOriginalMessage(),
                List.of(new ProblemException.FieldError(name, "type", e.getOriginalMessage())), uri).build();
    }

    /** Declared for the subtype too, because Quarkus maps it with a built-in mapper of its own otherwise. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Malformed JSON", e.getOriginalMessage(),
                List.of(new ProblemException.FieldError("body", "json", "the body is not valid JSON")), uri).build();
    }

    @ServerExceptionMapper
    public Response concurrent(OptimisticLockException e, UriInfo uri) {
        return problem(409, "Conflict", "another answer changed this proposal at the same time; retry", List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON body reader wraps Jackson's errors; answer those as the field-naming problems above.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformed(parsing, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return problem(500, "Internal error", "the request failed; the cause is in the service log", List.of(), uri).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKey() != null) {
                names.add(node.getName() == null || node.getName().startsWith("<") ? "[" + node.getKey() + "]"
                        : node.getName() + "[" + node.getKey() + "]");
            } else if (node.getName() != null && !node.getName().startsWith("<")) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names).replace(".[", "[");
    }

    private static String rule(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail,
                                                    List<ProblemException.FieldError> errors, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return Response.status(status).type(PROBLEM).entity(body);
    }
}
