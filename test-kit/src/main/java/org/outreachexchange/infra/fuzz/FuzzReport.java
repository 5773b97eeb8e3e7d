package org.outreachexchange.infra.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a fuzz run saw: answers by status, and every request that broke a rule, described so it can be sent again. */
public final class FuzzReport {

    private static final int KEPT_FAILURES = 25;
    /** A refusal is short: one that is longer echoes the input back (or lists thousands of errors). */
    static final int MAX_PROBLEM = 64 * 1024;

    private final String service;
    private final long seed;
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Map<String, Map<Integer, Long>> byTarget = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long requests;
    private long serverErrors;
    private long notProblems;
    private long refusedButStored;
    private long unanswered;
    private long httpLayer;
    private long retried;
    private long failureCount;
    private Duration duration = Duration.ZERO;

    public FuzzReport(String service, long seed) {
        this.service = service;
        this.seed = seed;
    }

    void record(FuzzRequest request, FuzzClient.Answer answer, Map<String, Long[]> changed) {
        requests++;
        int status = answer.status();
        statuses.merge(status, 1L, Long::sum);
        byTarget.computeIfAbsent(request.target(), t -> new TreeMap<>()).merge(status, 1L, Long::sum);
        List<String> broken = new ArrayList<>();
        boolean bare = (status == 414 || status == 431) && answer.body().isEmpty();
        if (bare) {
            // Vert.x answers a request line or headers over its limits itself, before any code of ours runs, and Quarkus
            // has no hook for that answer: counted apart, not as a problem the services failed to write.
            httpLayer++;
        }
        if (status < 0) {
            unanswered++;
            broken.add("no answer: " + answer.failure());
        }
        if (status >= 500) {
            serverErrors++;
            broken.add("server error " + status);
        }
        if (status >= 400 && !bare && !Problems.isProblem(answer)) {
            notProblems++;
            broken.add(status + " is not application/problem+json with that status (Content-Type '" + answer.contentType() + "')");
        }
        if (status >= 400 && answer.body().length() > MAX_PROBLEM) {
            broken.add("a problem of " + answer.body().length() + " characters, over " + MAX_PROBLEM);
        }
        if ((status >= 400 || status < 0) && !changed.isEmpty()) {
            refusedButStored++;
            broken.add("refused with " + status + " but changed " + changed.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[0] + " -> " + e.getValue()[1]).collect(Collectors.joining(", ")));
        }
        if (!broken.isEmpty()) {
            failureCount++;
            if (failures.size() < KEPT_FAILURES) {
                failures.add(String.join("; ", broken) + System.lineSeparator() + request.describe()
                        + System.lineSeparator() + "  answer: " + cut(answer.body()));
            }
        }
    }

    void finish(Duration duration, long retried) {
        this.duration = duration;
        this.retried = retried;
    }

    /** Requests sent again on a new connection after the first attempt got no answer (see {@link FuzzClient#send}). */
    public long retried() {
        return retried;
    }

    public String service() {
        return service;
    }

    public long seed() {
        return seed;
    }

    public long requests() {
        return requests;
    }

    public long serverErrors() {
        return serverErrors;
    }

    public long notProblems() {
        return notProblems;
    }

    public long refusedButStored() {
        return refusedButStored;
    }

    public long unanswered() {
        return unanswered;
    }

    /** Bare 414 and 431 answers of the HTTP layer to request lines or headers over its limits. */
    public long httpLayer() {
        return httpLayer;
    }

    public Map<Integer, Long> statuses() {
        return Map.copyOf(statuses);
    }

    public Duration duration() {
        return duration;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public long failureCount() {
        return failureCount;
    }

    public boolean passed() {
        return failureCount == 0;
    }

    public long count(int fromStatus, int toStatus) {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= fromStatus && e.getKey() < toStatus).mapToLong(Map.Entry::getValue).sum();
    }

    /** The 4xx answers by status, e.g. {@code 400: 4,211, 404: 903}. */
    public String clientErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .map(e -> e.getKey() + ": " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
    }

    /** One paragraph for a test's failure message or the console: the figures, the seed and the first failures. */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format("%s: %,d requests with seed %d in %.1f s; 2xx %,d; 4xx %s; 5xx %,d;"
                        + " 4xx not problem+json %,d (bare 414/431 of the HTTP layer %,d apart); refused but stored %,d; no answer %,d"
                        + " (%,d sent again on a new connection)", service, requests, seed, duration.toMillis() / 1000.0, count(200, 300),
                clientErrors(), serverErrors, notProblems, httpLayer, refusedButStored, unanswered, retried));
        byTarget.forEach((target, counts) -> out.append(System.lineSeparator()).append("  ").append(target).append(": ").append(counts));
        if (!failures.isEmpty()) {
            out.append(System.lineSeparator()).append(failureCount).append(" requests broke a rule (rerun with seed ").append(seed)
                    .append("); the first ").append(failures.size()).append(':');
            failures.forEach(f -> out.append(System.lineSeparator()).append(f));
        }
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
