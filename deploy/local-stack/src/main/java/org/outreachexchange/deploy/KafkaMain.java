package org.outreachexchange.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.outreachexchange.infra.KafkaBroker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;

/**
 * The stack's Kafka broker as a process of its own: {@code KafkaMain <log-dir> <port> <controller-port> <pid-dir>}.
 * Creates the stack's topics, then prints {@value #READY}.
 */
public final class KafkaMain {

    static final String READY = "KAFKA READY";
    private static final int PARTITIONS = 3;

    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("usage: KafkaMain <log-dir> <port> <controller-port> <pid-dir>");
            System.exit(2);
        }
        KafkaBroker broker = KafkaBroker.persistent(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-shutdown"));
        ParentWatchdog.watch(Path.of(args[3]));
        broker.start();
        createTopics(broker.bootstrapServers());
        System.out.println(READY + " on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

    /** Created up front so that consumers subscribing by pattern see every government's topic from their first poll. */
    private static void createTopics(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : StackLayout.TOPICS) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        }
    }
}
