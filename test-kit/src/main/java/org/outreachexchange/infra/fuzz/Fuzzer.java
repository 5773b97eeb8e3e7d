package org.outreachexchange.infra.fuzz;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs generated requests one at a time against a service and checks each answer: no 5xx, every 4xx a problem, and a
 * refused request stores and publishes nothing ({@link Effects} the same after it as before). Accepted answers teach
 * the generator ids and cursors for later requests.
 */
public final class Fuzzer {

    /** The reduced run every service's {@code FuzzTest} makes in {@code ./mvnw verify}. */
    public static final long REDUCED_SEED = 20081224L;
    public static final int REDUCED_REQUESTS = 400;
    /** The REST-edge contract's resource that fails on purpose (served in tests only). */
    private static final String CONTRACT_FAILURE = "/rest-edge-contract/";

    private final String service;
    private final FuzzRequests generator;
    private final FuzzClient client;
    private final Effects effects;
    private final Learned learned = new Learned();
    private int progressEvery;

    public Fuzzer(String service, FuzzRequests generator, FuzzClient client, Effects effects) {
        this.service = service;
        this.generator = generator;
        this.client = client;
        this.effects = effects;
    }

    /**
     * The reduced run of a service under test: {@value #REDUCED_REQUESTS} requests from its OpenAPI document with a
     * fixed seed, every table of its database counted (none left out), the contract's failing resource skipped.
     */
    public static FuzzReport reducedRun(String service, URI base, URI openapi, TableCounts.Connector database,
                                        FuzzRequests.Credentials credentials, Map<String, List<String>> examples) {
        FuzzRequests requests = new FuzzRequests(REDUCED_SEED, FuzzTargets.read(openapi).without(CONTRACT_FAILURE), credentials,
                examples);
        try (TableCounts tables = new TableCounts(database, Set.of())) {
            FuzzReport report = new Fuzzer(service, requests, new FuzzClient(base, Duration.ofSeconds(30)), tables)
                    .run(REDUCED_REQUESTS);
            System.out.println(report.summary());
            return report;
        }
    }

    /** Prints a line every {@code requests} requests (for long runs). */
    public Fuzzer progressEvery(int requests) {
        this.progressEvery = requests;
        return this;
    }

    public FuzzReport run(int requests) {
        FuzzReport report = new FuzzReport(service, generator.seed());
        long started = System.nanoTime();
        Map<String, Long> before = effects.snapshot();
        for (int i = 0; i < requests; i++) {
            FuzzRequest request = generator.next(learned);
            FuzzClient.Answer answer = client.send(request);
            Map<String, Long> after = effects.snapshot();
            report.record(request, answer, changed(before, after));
            if (answer.status() >= 200 && answer.status() < 300) {
                learned.learn(request.target().substring(request.target().indexOf(' ') + 1), answer.headers(), answer.body());
            }
            before = after;
            if (progressEvery > 0 && (i + 1) % progressEvery == 0) {
                System.out.printf("  %s: %,d of %,d requests after %.0f s, %,d broke a rule%n", service, i + 1, requests,
                        (System.nanoTime() - started) / 1e9, report.failureCount());
            }
        }
        report.finish(Duration.ofNanos(System.nanoTime() - started), client.retried());
        return report;
    }

    static Map<String, Long[]> changed(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long[]> changed = new LinkedHashMap<>();
        after.forEach((name, value) -> {
            Long was = before.get(name);
            if (!Objects.equals(was, value)) {
                changed.put(name, new Long[]{was, value});
            }
        });
        return changed;
    }
}
