package org.outreachexchange.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes a killed launcher left behind, found through the PID files under {@code <data>/pids}. A PID is only
 * ended when its command line still looks like one of ours, so a recycled PID of an unrelated process is left alone.
 */
final class Leftovers {

    static final List<String> MARKERS = List.of("quarkus-run.jar", KafkaMain.class.getName(), PostgresMain.class.getName(), "postgres");

    private Leftovers() {
    }

    /** Ends every recorded process still alive, services before the infrastructure; returns what it ended. */
    static List<String> endAll(Path pidDir) {
        List<String> ended = new ArrayList<>();
        if (!Files.isDirectory(pidDir)) {
            return ended;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(pidDir)) {
            files = list.filter(p -> p.toString().endsWith(".pid")).sorted(Leftovers::servicesFirst).toList();
        } catch (IOException e) {
            return ended;
        }
        for (Path file : files) {
            pid(file).flatMap(ProcessHandle::of).filter(Leftovers::isOurs).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
                ended.add(file.getFileName().toString().replace(".pid", "") + " (pid " + handle.pid() + ")");
            });
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a PID file that cannot be removed is overwritten at the next start
            }
        }
        return ended;
    }

    /** Ends recorded service processes only; the infrastructure watchdogs call this when the launcher is gone. */
    static void endServices(Path pidDir) {
        try (Stream<Path> list = Files.list(pidDir)) {
            list.filter(p -> p.getFileName().toString().startsWith(StackLayout.SERVICE_PID_PREFIX))
                    .map(Leftovers::pid).flatMap(Optional::stream)
                    .map(ProcessHandle::of).flatMap(Optional::stream)
                    .filter(Leftovers::isOurs)
                    .forEach(ProcessHandle::destroy);
        } catch (IOException ignored) {
            // nothing recorded, nothing to end
        }
    }

    private static int servicesFirst(Path a, Path b) {
        boolean aService = a.getFileName().toString().startsWith(StackLayout.SERVICE_PID_PREFIX);
        boolean bService = b.getFileName().toString().startsWith(StackLayout.SERVICE_PID_PREFIX);
        return aService == bService ? a.compareTo(b) : aService ? -1 : 1;
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOurs(ProcessHandle handle) {
        String commandLine = handle.info().commandLine().orElse("");
        return handle.isAlive() && MARKERS.stream().anyMatch(commandLine::contains);
    }
}
