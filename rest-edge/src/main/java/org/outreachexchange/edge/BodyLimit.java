package org.outreachexchange.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size} with a 413 problem, before
 * the HTTP layer's own check would answer with a bare status. (A chunked body over the limit is stopped while it is
 * read, and that error reaches {@link ProblemMapper}.)
 */
@ApplicationScoped
public class BodyLimit {

    /** Runs before the HTTP layer's own size check, which Quarkus installs at order -2. */
    private static final int ORDER = -3;

    private final long limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLong(declared)) {
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(ProblemMapper.body(413, "the body is longer than the " + limit + " bytes this service accepts",
                            List.of(), context.request().path())));
            return;
        }
        context.next();
    }

    private boolean tooLong(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
