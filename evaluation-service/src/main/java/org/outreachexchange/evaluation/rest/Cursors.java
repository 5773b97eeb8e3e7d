package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.edge.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reading this service's cursors for the shared {@link Pages}, and paging the short lists held in memory. */
final class Cursors {

    private Cursors() {
    }

    /**
     * The position an {@code after} cursor of {@code parts} parts names, read from its parts by {@code read}; a cursor
     * whose parts do not read (not one of ours, or of another list) is a 400 naming {@code after}.
     */
    static <T> Optional<T> after(String after, int parts, Function<List<String>, T> read) {
        return Pages.after(after, parts).map(values -> {
            try {
                return read.apply(values);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("after", "cursor", "after is the cursor of a previous page's Link: rel=\"next\"");
            }
        });
    }

    /** A country code or enum name in a cursor. */
    static String code(String part) {
        if (!part.matches("[A-Z0-9_]{1,40}")) {
            throw new IllegalArgumentException("not a code: " + part);
        }
        return part;
    }

    /**
     * A page of a short list held in memory (the reference tables): the items for which
     * {@code afterCursor} holds, in the list's order.
     */
    static <T> Response page(List<T> ordered, Predicate<T> afterCursor, int limit, Function<T, String> position, UriInfo uri) {
        return Pages.page(ordered.stream().filter(afterCursor).limit(limit + 1L).toList(), limit, position, uri);
    }
}
