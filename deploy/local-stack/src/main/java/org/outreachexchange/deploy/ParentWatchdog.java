package org.outreachexchange.deploy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Ends this infrastructure process when the launcher that started it is gone, even after a SIGKILL that left the
 * launcher no chance to run its shutdown hook. It first ends the launcher's service processes, which cannot watch
 * their parent themselves, then exits so the shutdown hook stops the broker or database cleanly.
 */
final class ParentWatchdog {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private ParentWatchdog() {
    }

    static void watch(Path pidDir) {
        ProcessHandle parent = ProcessHandle.current().parent()
                .orElseThrow(() -> new StackException("started without a parent process"));
        Thread thread = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(PERIOD.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("launcher (pid " + parent.pid() + ") is gone; stopping");
            Leftovers.endServices(pidDir);
            System.exit(0);
        }, "parent-watchdog");
        thread.setDaemon(true);
        thread.start();
    }
}
