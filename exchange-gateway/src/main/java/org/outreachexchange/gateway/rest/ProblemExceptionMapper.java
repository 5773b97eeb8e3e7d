package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.outreachexchange.gateway.service.ProblemException;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.util.ArrayList;
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
        return problem(401, "Unauthenticated", e.getMessage(), uri, List.of()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(AgencyForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors()).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(field(v), rule(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "Invalid request", detail, uri, errors).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            field = "body";
        }
        boolean badValue = e instanceof InvalidFormatException;
        String message = badValue ? "has an invalid value " + ((InvalidFormatException) e).getValue()
                + " (allowed for " + ((InvalidFormatException) e).getTargetType().getSimpleName() + ")"
                : "cannot be read as the expected type";
        if (badValue && ((InvalidFormatException) e).getTargetType().isEnum()) {
            message = "must be one of " + List.of(((InvalidFormatException) e).getTargetType().getEnumConstants());
        }
        return problem(400, "Invalid request", field + ": " + message, uri,
                List.of(new ProblemException.FieldError(field, badValue ? "format" : "type", message))).build();
    }

    /** More specific than {@link JsonMappingException}, so it overrides the framework's own mapper for these. */
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
        return problem(400, "Invalid request", "body: is not well-formed JSON", uri,
                List.of(new ProblemException.FieldError("body", "json", "is not well-formed JSON"))).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        int status = e.getResponse().getStatus();
        return problem(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return problem(500, "Internal error", "the gateway could not complete the request", uri, List.of()).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // Property paths start with the resource method and its parameter; the client knows neither.
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            String index = node.getIndex() != null ? "[" + node.getIndex() + "]" : "";
            if (node.getName() != null && node.getName().startsWith("<") && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + index); // a list element: "governments[0]"
            } else {
                nodes.add(node.getName() + index);
            }
        }
        return nodes.size() > 2 ? String.join(".", nodes.subList(2, nodes.size())) : nodes.get(nodes.size() - 1);
    }

    private static String rule(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail, UriInfo uri,
                                                    List<ProblemException.FieldError> errors) {
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
