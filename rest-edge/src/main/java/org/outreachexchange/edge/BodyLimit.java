package org.outreachexchange.edge;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size} with a 413 problem, before
 * the HTTP layer's own check would answer with a bare status. A chunked body over the limit is stopped while it is
 * read: where RESTEasy reads it, that error reaches {@link ProblemMapper}; where the HTTP layer fails the request with
 * 413 (a resource taking its body as text), the failure handler here answers the same problem.
 */
@ApplicationScoped
public class BodyLimit {

    /** Runs before the HTTP layer's own size check, which Quarkus installs at order -2. */
    private static final int ORDER = -3;

    private final long limit;
    private final BodyHandler chunked;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
        this.chunked = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check).failureHandler(this::stopped);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLong(declared)) {
            refuse(context);
            return;
        }
        if (declared == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            // A chunked body is read here up to the limit (RESTEasy then takes it from memory); one that grows past it
            // fails the request with 413, answered below, where RESTEasy reading a text body would end it bare.
            chunked.handle(context);
            return;
        }
        context.next();
    }

    /**
     * A chunked body that grows over the limit while the HTTP layer reads it (for a resource that takes the body as
     * text) fails the request with 413, which would otherwise leave with an empty body.
     */
    private void stopped(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            refuse(context);
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(ProblemMapper.body(413, "the body is longer than the " + limit + " bytes this service accepts",
                        List.of(), context.request().path())));
    }

    private boolean tooLong(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
