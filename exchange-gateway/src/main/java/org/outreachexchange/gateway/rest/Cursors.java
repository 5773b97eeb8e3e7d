package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.gateway.domain.Keyset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The gateway's page positions as the opaque {@code after} cursors of rest-edge's {@link Pages}, and pages of views. */
final class Cursors {

    private Cursors() {
    }

    static Optional<Keyset.ByTime> byTime(String after) {
        return Pages.after(after, 2, p -> new Keyset.ByTime(Instant.parse(p.get(0)), UUID.fromString(p.get(1))));
    }

    static String of(Keyset.ByTime position) {
        return Pages.cursor(position.at().toString(), position.id().toString());
    }

    static Optional<Keyset.ByDate> byDate(String after) {
        return Pages.after(after, 2, p -> new Keyset.ByDate(LocalDate.parse(p.get(0)), UUID.fromString(p.get(1))));
    }

    static String of(Keyset.ByDate position) {
        return Pages.cursor(position.date().toString(), position.id().toString());
    }

    static Optional<Long> number(String after) {
        return Pages.after(after, 1, p -> Long.parseLong(p.get(0)));
    }

    static String of(long position) {
        return Pages.cursor(Long.toString(position));
    }

    /**
     * {@link Pages#page} for items that leave as views: the position is taken from the item, the answer holds the
     * views of the page's items.
     */
    @SuppressWarnings("unchecked")
    static <T, V> Response page(List<T> fetched, int limit, Function<T, String> position, Function<T, V> view, UriInfo uri) {
        Response paged = Pages.page(fetched, limit, position, uri);
        return Response.fromResponse(paged).entity(((List<T>) paged.getEntity()).stream().map(view).toList()).build();
    }
}
