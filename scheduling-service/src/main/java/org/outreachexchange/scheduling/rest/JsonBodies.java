package org.outreachexchange.scheduling.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import java.util.function.Supplier;

/**
 * Request bodies read on demand: the service reads one only after it found the caller entitled to act, so a caller
 * who may not act hears 403 or 404, never what is wrong with its body. Reading uses the application's mapper (input
 * limits, unknown fields refused); what cannot be read is answered by the shared problem mapper as when JAX-RS reads.
 */
@ApplicationScoped
class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}, or null when there is none (the validator answers that). */
    <T> Supplier<T> of(String body, Class<T> type) {
        return () -> {
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                return mapper.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new WebApplicationException(e, 400);
            }
        };
    }
}
