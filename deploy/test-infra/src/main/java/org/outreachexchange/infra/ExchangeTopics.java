package org.outreachexchange.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The exchange's topics, created up front (a topic that appears later makes pattern subscribers rebalance). A
 * government's activity topic has one partition, so its sealed chain is the topic's order, keeps every event, and is
 * stamped by the broker ({@code LogAppendTime}), so that no organizer sets the time its notice is judged by.
 */
public final class ExchangeTopics {

    public static final Map<String, String> ACTIVITY_TOPIC_CONFIG = Map.of(
            "message.timestamp.type", "LogAppendTime",
            "retention.ms", "-1");
    private static final int OTHER_PARTITIONS = 3;

    private ExchangeTopics() {
    }

    public static String activityTopic(String government) {
        return "outreach.activities." + government.toLowerCase(Locale.ROOT);
    }

    /** Creates the governments' activity topics and {@code others}; topics that exist are left as they are. */
    public static void create(String bootstrap, Collection<String> governments, Collection<String> others) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String government : governments) {
                create(admin, new NewTopic(activityTopic(government), 1, (short) 1).configs(ACTIVITY_TOPIC_CONFIG));
            }
            for (String topic : others) {
                create(admin, new NewTopic(topic, OTHER_PARTITIONS, (short) 1));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
