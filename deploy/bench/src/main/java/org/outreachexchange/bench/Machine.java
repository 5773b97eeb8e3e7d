package org.outreachexchange.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the figures were measured on. */
final class Machine {

    /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS = 100;

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory", memTotal());
        m.put("cpu", cpuModel());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load average at start", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Busy and total jiffies of all cores since boot, from /proc/stat; the difference of two readings gives how busy the machine was. */
    static long[] cpuJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    /**
     * CPU time of a JVM's JIT compiler threads (C1 and C2) so far, from /proc/PID/task/N/stat: how much of a process's
     * CPU went on warming up rather than on the work itself.
     */
    static Duration compilerCpu(long pid) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // a compiler thread may end between listing and reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
    }

    /** How busy all cores were, in percent, since {@code before} (a {@link #cpuJiffies()} reading); NaN if no time passed. */
    static double busyPercentSince(long[] before) {
        long[] now = cpuJiffies();
        return now[1] == before[1] ? Double.NaN : 100.0 * (now[0] - before[0]) / (now[1] - before[1]);
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024.0)
                    .map(g -> String.format(java.util.Locale.ROOT, "%.1f GiB", g)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
