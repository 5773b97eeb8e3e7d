package org.outreachexchange.bench;

import org.outreachexchange.deploy.StackOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Command-line options shared by the bench and the fault-injection suite. */
record Settings(boolean quick, Path repository, Path work, Path results, int portOffset, List<String> serviceJvm,
                int replayEvents, Duration e2eDuration, int e2eRate, int faultActivities, int faultRate,
                boolean subscriberFaultsOnly, Set<String> only, boolean updateBaseline, boolean jfr) {

    static Settings parse(String[] args) {
        boolean quick = false;
        Path repository = Path.of(".").toAbsolutePath().normalize();
        Path work = null;
        Path results = null;
        int offset = 20000;
        Integer replay = null;
        Integer faultActivities = null;
        boolean subscriberFaultsOnly = false;
        Set<String> only = Set.of();
        boolean updateBaseline = false;
        boolean jfr = false;
        // Unless --service-jvm says otherwise, the launcher's options: the bench measures what the local stack runs.
        List<String> serviceJvm = StackOptions.SERVICE_JVM_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--repo" -> repository = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--work" -> work = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--results" -> results = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                case "--replay-events" -> replay = Integer.parseInt(args[++i]);
                case "--activities" -> faultActivities = Integer.parseInt(args[++i]);
                case "--subscriber-faults-only" -> subscriberFaultsOnly = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--update-baseline" -> updateBaseline = true;
                case "--jfr" -> jfr = true;
                case "--service-jvm" -> serviceJvm = List.of(args[++i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path bench = repository.resolve("deploy/bench");
        return new Settings(quick, repository,
                work != null ? work : bench.resolve("target/work"),
                results != null ? results : bench.resolve("results"),
                offset, serviceJvm,
                replay != null ? replay : (quick ? 50_000 : 1_000_000),
                quick ? Duration.ofSeconds(20) : Duration.ofSeconds(60),
                100,
                faultActivities != null ? faultActivities : (quick ? 1_000 : 10_000),
                200,
                subscriberFaultsOnly, only, updateBaseline, jfr);
    }

    /** The bench's --quick run is the CPU guard alone, unless --only names sections to run with the short durations. */
    boolean guardOnly() {
        return quick && only.isEmpty();
    }

    int port(int standard) {
        return standard + portOffset;
    }

    /** Whether a benchmark section or fault runs: all of them unless --only names some (e2e, ingest, scale-out, footprint, replay; fault codes). */
    boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    Duration warmup() {
        return quick ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
    }
}
