package org.outreachexchange.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bodies of requests about an existing resource are taken as text and read only after the service has found the
 * resource and checked that the caller may act on it: read by JAX-RS before the method, a malformed body would answer
 * 400 where the caller may not even learn that the resource exists. Read with the application's mapper, so the same
 * input limits and problems apply ({@code ProblemMapper} names the field and rule).
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as {@code type}; an empty body is absent (null), as JAX-RS gives it. */
    static <T> T read(ObjectMapper json, String body, Class<T> type) throws JsonProcessingException {
        return body == null || body.isBlank() ? null : json.readValue(body, type);
    }
}
