package org.outreachexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child process of the bench (a service, the broker, the hello-world app) that can be signalled and measured. */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private long startedNanos;

    ManagedProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    synchronized ManagedProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            startedNanos = System.nanoTime();
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long startedNanos() {
        return startedNanos;
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, the crash the suite injects; waits until the kernel has reaped it. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM, a clean stop. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(60)) {
            kill();
        }
    }

    void pause() {
        Signals.send("STOP", pid());
    }

    void resume() {
        Signals.send("CONT", pid());
    }

    /** Resident set size in KiB, from /proc/<pid>/status VmRSS. */
    long rssKib() {
        return Signals.rssKib(pid());
    }

    /** CPU time the process has used (user and system), from the JDK's process handle. */
    synchronized Duration cpu() {
        return process == null ? Duration.ZERO : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
