package org.outreachexchange.bench;

import org.outreachexchange.deploy.LocalStack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --quick} guard: the services' CPU per activity beside the committed baseline
 * ({@code deploy/bench/quick-baseline.json}). It fails when the services together use more than {@link #TOLERANCE}
 * times the baseline. CPU time per activity is judged rather than latency, because it holds on a machine that other
 * work shares, where latency does not. What a process's JIT compiler threads used ({@code <process>#jit}) is taken
 * out of the judged figure and shown beside it: on two busy cores the compilers are still catching up minutes into a
 * run, and how far they got varies by several milliseconds per activity from run to run.
 */
record CpuGuard(Map<String, Double> baseline) {

    /** A rise of more than 25 % fails the guard. */
    static final double TOLERANCE = 1.25;
    /** The services whose CPU the guard adds up; Kafka and PostgreSQL are reported, not judged. */
    static final String SERVICES = "services";
    /** A figure named {@code process#part} is a part of that process's figure, not a process of its own. */
    static final char PART = '#';
    /** The part of a process's figure that its JIT compiler threads used. */
    static final String JIT = PART + "jit";

    CpuGuard {
        baseline = Map.copyOf(baseline);
        if (!baseline.containsKey(SERVICES)) {
            throw new IllegalArgumentException("the baseline has no '" + SERVICES + "' figure: " + baseline.keySet());
        }
    }

    /** The verdict on one run's CPU per activity by process (ms), which must name every service process. */
    record Verdict(double services, double baseline, boolean passed, String detail) {

        double ratio() {
            return services / baseline;
        }
    }

    /** Adds up the service processes of {@code measured} (ms per activity, by process name; Kafka's left out) and judges them. */
    Verdict judge(Map<String, Double> measured) {
        double services = servicesTotal(measured);
        double limit = baseline.get(SERVICES) * TOLERANCE;
        StringBuilder detail = new StringBuilder();
        measured.forEach((process, ms) -> {
            if (process.indexOf(PART) >= 0) {
                return;
            }
            double jit = measured.getOrDefault(process + JIT, 0.0);
            double judged = lessJit(measured, process);
            Double before = baseline.get(process);
            detail.append(String.format(Locale.ROOT, "%s %.3f", process, judged));
            if (before != null && before > 0) {
                detail.append(String.format(Locale.ROOT, " (%.2f×)", judged / before));
            }
            if (jit > 0) {
                detail.append(String.format(Locale.ROOT, " + JIT %.3f", jit));
            }
            detail.append("; ");
        });
        return new Verdict(services, baseline.get(SERVICES), services <= limit,
                detail.append(String.format(Locale.ROOT, "limit %.3f ms", limit)).toString());
    }

    /** The baseline a run gives: its figures by process and the services' total. */
    static Map<String, Double> baselineOf(Map<String, Double> measured) {
        Map<String, Double> baseline = new LinkedHashMap<>();
        measured.forEach((process, ms) -> {
            if (process.indexOf(PART) < 0) {
                baseline.put(process, lessJit(measured, process));
            }
        });
        baseline.put(SERVICES, servicesTotal(measured));
        return baseline;
    }

    /** The services' CPU per activity less their JIT compiler threads'. */
    private static double servicesTotal(Map<String, Double> measured) {
        return measured.entrySet().stream().filter(e -> !e.getKey().equals(LocalStack.KAFKA))
                .filter(e -> !e.getKey().equals(SERVICES)).filter(e -> e.getKey().indexOf(PART) < 0)
                .mapToDouble(e -> lessJit(measured, e.getKey())).sum();
    }

    private static double lessJit(Map<String, Double> measured, String process) {
        return measured.get(process) - measured.getOrDefault(process + JIT, 0.0);
    }
}
