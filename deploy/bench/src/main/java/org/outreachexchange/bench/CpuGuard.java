package org.outreachexchange.bench;

import org.outreachexchange.deploy.LocalStack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --quick} guard: the services' CPU per activity beside the committed baseline
 * ({@code deploy/bench/quick-baseline.json}). It fails when the services together use more than {@link #TOLERANCE}
 * times the baseline. CPU time per activity is judged rather than latency, because it holds on a machine that other
 * work shares, where latency does not.
 */
record CpuGuard(Map<String, Double> baseline) {

    /** A rise of more than 25 % fails the guard. */
    static final double TOLERANCE = 1.25;
    /** The services whose CPU the guard adds up; Kafka and PostgreSQL are reported, not judged. */
    static final String SERVICES = "services";

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
            Double before = baseline.get(process);
            detail.append(String.format(Locale.ROOT, "%s %.3f", process, ms));
            if (before != null && before > 0) {
                detail.append(String.format(Locale.ROOT, " (%.2f×)", ms / before));
            }
            detail.append("; ");
        });
        return new Verdict(services, baseline.get(SERVICES), services <= limit,
                detail.append(String.format(Locale.ROOT, "limit %.3f ms", limit)).toString());
    }

    /** The baseline a run gives: its figures by process and the services' total. */
    static Map<String, Double> baselineOf(Map<String, Double> measured) {
        Map<String, Double> baseline = new LinkedHashMap<>(measured);
        baseline.put(SERVICES, servicesTotal(measured));
        return baseline;
    }

    private static double servicesTotal(Map<String, Double> measured) {
        return measured.entrySet().stream().filter(e -> !e.getKey().equals(LocalStack.KAFKA))
                .filter(e -> !e.getKey().equals(SERVICES)).mapToDouble(Map.Entry::getValue).sum();
    }
}
