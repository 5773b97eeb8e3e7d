package org.outreachexchange.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Ports for a test's own stack. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * An offset that moves every port of the stack onto free ones, away from a stack a developer may be running and
     * below Linux's ephemeral range (32768+), where outgoing connections could take a port between check and bind.
     */
    static int offset() {
        int[] base = {8101, 8102, 8103, 8104, 8105, StackLayout.EVALUATION_PORT, StackLayout.GATEWAY_PORT, StackLayout.KAFKA_PORT,
                StackLayout.KAFKA_CONTROLLER_PORT, StackLayout.POSTGRES_PORT};
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(1_000, 13_000);
            if (IntStream.of(base).allMatch(p -> isFree(p + offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free set of ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
