package org.outreachexchange.infra.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Whether an answer is an RFC 9457 problem of the shared shape, with the answer's own status. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static boolean isProblem(FuzzClient.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("status").asInt() == answer.status() && body.path("title").isTextual();
        } catch (Exception e) {
            return false;
        }
    }
}
