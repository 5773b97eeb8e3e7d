package org.outreachexchange.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Bodies read on demand. An operation on an existing resource takes its body as text and reads it only after the
 * caller was found entitled to act on that resource: read by JAX-RS before the method, a malformed body would answer
 * 400 where the caller may not even learn that the resource exists. Reading uses the application's mapper, so the
 * input limits apply and what cannot be read is the same 400 naming field and rule.
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}; an empty body is absent (null), as JAX-RS gives it, and the validator answers that. */
    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(ProblemMapper.fieldError(e)));
        }
    }
}
