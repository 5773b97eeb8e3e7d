package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.outreachexchange.edge.Pages;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Parts of this service's cursors for the shared {@link Pages}, and paging the short lists held in memory. */
final class Cursors {

    private Cursors() {
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
