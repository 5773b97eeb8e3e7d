package org.outreachexchange.infra.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request: the operation it aims at, what it probes (e.g. {@code body.title=lone surrogate}), the raw
 * path and query (already percent-encoded), headers, and the body's bytes. {@code chunked} sends the body without a
 * Content-Length; {@code streams} marks an answer that never ends, read only to its headers.
 */
public record FuzzRequest(long index, String target, String probe, String method, String pathAndQuery,
                          Map<String, String> headers, byte[] body, boolean chunked, boolean streams) {

    public FuzzRequest {
        headers = Map.copyOf(headers);
    }

    /** For failure messages: the request as sent, long values cut and the token left out. */
    public String describe() {
        StringBuilder out = new StringBuilder("#").append(index).append(' ').append(target).append(" probing ").append(probe)
                .append(System.lineSeparator()).append("  ").append(method).append(' ').append(cut(pathAndQuery, 300));
        headers.forEach((name, value) -> out.append(System.lineSeparator()).append("  ").append(name).append(": ")
                .append(name.equalsIgnoreCase("Authorization") && value.length() > 40 ? value.substring(0, 30) + "..." : cut(value, 200)));
        if (body != null) {
            out.append(System.lineSeparator()).append("  body (").append(body.length).append(" bytes").append(chunked ? ", chunked" : "")
                    .append("): ").append(cut(new String(body, StandardCharsets.UTF_8), 400));
        }
        return out.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
