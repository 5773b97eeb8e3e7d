package org.outreachexchange.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process of the stack: its output goes to its own log file and its PID to {@code <data>/pids/<name>.pid},
 * so the next start can end what a killed launcher left behind. It can be started again after it stopped or was
 * killed, signalled (SIGSTOP, SIGCONT) and measured (CPU time, resident memory), which the benchmarks need.
 */
public final class ChildProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final Path pidFile;
    private Process process;
    private long logStart;
    private long startedNanos;
    private Duration readyAfter;

    ChildProcess(String name, List<String> command, Path logFile, Path pidFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    synchronized ChildProcess start() {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            // The log is appended to across runs; readiness markers count only from here on.
            logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            startedNanos = System.nanoTime();
            readyAfter = null;
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return this;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized Optional<Long> pid() {
        return Optional.ofNullable(process).map(Process::pid);
    }

    /** From the start of the process to its first successful readiness check, once it had one. */
    public synchronized Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    synchronized void ready() {
        if (readyAfter == null) {
            readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
        }
    }

    /** CPU time (user and system) the running process has used so far; zero when it is not running. */
    public synchronized Duration cpu() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident set size in KiB (VmRSS in /proc), 0 when it is not running. */
    public long rssKib() {
        return pid().map(ChildProcess::rssKib).orElse(0L);
    }

    static long rssKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0L);
        } catch (IOException e) {
            return 0L;
        }
    }

    /** SIGSTOP: the process freezes without noticing, as under a long GC pause or a hung host. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        long pid = pid().orElseThrow(() -> new StackException(name + " is not running"));
        try {
            int rc = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new StackException("kill -" + signal + " " + pid + " (" + name + ") exited " + rc);
            }
        } catch (IOException e) {
            throw new StackException("cannot signal " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while signalling " + name, e);
        }
    }

    public synchronized Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** SIGTERM, a grace period for the shutdown hooks, then SIGKILL. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        forget();
    }

    /** SIGKILL without warning, as a crash would: no shutdown hook runs. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }

    /** The last lines this run wrote to the log, for error messages. */
    public String tail(int lines) {
        List<String> all = logOfThisRun().lines().toList();
        return all.isEmpty() ? "(nothing logged)" : String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    boolean logContains(String text) {
        return logOfThisRun().contains(text);
    }

    private String logOfThisRun() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.min(logStart, file.length());
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void forget() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = null;
    }
}
