package org.outreachexchange.edge;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every list pages the same way: {@code ?limit=} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and
 * {@code ?after=} an opaque cursor; the answer is the page as a JSON array and, when more follow, a
 * {@code Link: <...>; rel="next"} header. A cursor is the position of the page's last item in the list's own order
 * (e.g. a sort key and an id), so pages stay put while items are added elsewhere.
 */
public final class Pages {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final char SEPARATOR = '\u001f';

    private Pages() {
    }

    /** The page size asked for, or 400 naming {@code limit}. */
    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ProblemException.invalid("limit", "range", "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    /** A cursor for a position made of {@code parts} (none may hold the unit separator). */
    public static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of an {@code after} cursor, or 400 naming {@code after} when it is not one of ours with that many parts. */
    public static Optional<List<String>> after(String value, int parts) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            List<String> split = List.of(decoded.split(String.valueOf(SEPARATOR), -1));
            if (split.size() == parts) {
                return Optional.of(split);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw notACursor();
    }

    /**
     * The position an {@code after} cursor of {@code parts} parts names, as {@code read} makes it from the parts; a
     * cursor whose parts do not read (another list's, or edited) is the same 400 naming {@code after}.
     */
    public static <T> Optional<T> after(String value, int parts, Function<List<String>, T> read) {
        return after(value, parts).map(values -> {
            try {
                return read.apply(values);
            } catch (RuntimeException e) {
                throw notACursor();
            }
        });
    }

    private static ProblemException notACursor() {
        return ProblemException.invalid("after", "cursor", "after is the cursor of a previous page's Link: rel=\"next\"");
    }

    /**
     * Answers with the first {@code limit} of {@code fetched} (fetch one more than the limit) and, if there were more,
     * the link to the next page, whose cursor {@code position} gives for the page's last item.
     */
    public static <T> Response page(List<T> fetched, int limit, Function<T, String> position, UriInfo uri) {
        List<T> items = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        Response.ResponseBuilder answer = Response.ok(items);
        if (fetched.size() > limit) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("after", position.apply(items.get(items.size() - 1)))
                    .replaceQueryParam("limit", limit).build().toString();
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
