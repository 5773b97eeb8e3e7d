package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.identity.quarkus.AgencyAuthenticationException;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem as a console page shows it: the detail on top, each field error beside its field. A form field
 * is named as the API names it ({@code title}, {@code schedule.start}, {@code objectives[0].text}), and
 * {@link #message(String)} also gathers the errors of what lies inside it ({@code objectives} gathers
 * {@code objectives[1].element}). Templates use the {@code {#fielderror problem=problem field='title' /}} tag.
 */
@TemplateData
public record ProblemView(int status, String title, String detail, List<FieldError> errors) {

    public ProblemView {
        errors = List.copyOf(errors);
    }

    public static ProblemView of(ProblemException e) {
        return new ProblemView(e.status(), titleOf(e.status()), e.getMessage(), e.errors());
    }

    /** The problem a gateway service raised (refusals included), as its REST resource would have answered it. */
    public static ProblemView of(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return of(p);
        }
        if (e instanceof AgencyForbiddenException) {
            return new ProblemView(403, titleOf(403), e.getMessage(), List.of());
        }
        if (e instanceof AgencyAuthenticationException) {
            return new ProblemView(401, titleOf(401), e.getMessage(), List.of());
        }
        throw e;
    }

    /** An upstream service's answer: its problem+json when it sent one, else the status alone. */
    public static ProblemView fromResponse(int status, String body, ObjectMapper json) {
        try {
            JsonNode problem = json.readTree(body == null ? "" : body);
            if (problem != null && problem.isObject()) {
                List<FieldError> errors = new ArrayList<>();
                problem.path("errors").forEach(e -> errors.add(new FieldError(e.path("field").asText(""),
                        e.path("rule").asText(""), e.path("message").asText(""))));
                return new ProblemView(status, problem.path("title").asText(titleOf(status)),
                        problem.path("detail").asText(""), errors);
            }
        } catch (IOException e) {
            // not JSON: the status says what there is to say
        }
        return new ProblemView(status, titleOf(status), "", List.of());
    }

    public static ProblemView unavailable(String service, String why) {
        return new ProblemView(503, titleOf(503), service + " did not answer: " + why, List.of());
    }

    /** Whether {@code field} or anything inside it has an error. */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> within(e.field(), field));
    }

    /** The messages for {@code field} and what lies inside it, e.g. "schedule.end: must not be before the start". */
    public String message(String field) {
        return errors.stream().filter(e -> within(e.field(), field))
                .map(e -> e.field().equals(field) ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
    }

    /** The id of the element that shows {@code field}'s error, for {@code aria-describedby}. */
    public String errorId(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static boolean within(String errorField, String field) {
        return errorField.equals(field) || errorField.startsWith(field + ".") || errorField.startsWith(field + "[");
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 428 -> "Precondition Required";
            case 503 -> "Service Unavailable";
            default -> "Error " + status;
        };
    }
}
