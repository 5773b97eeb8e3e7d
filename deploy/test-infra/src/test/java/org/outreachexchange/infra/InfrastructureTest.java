package org.outreachexchange.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void brokerKeepsRecordsAcrossARestartOnTheSamePort() throws Exception {
        try (KafkaBroker broker = KafkaBroker.temporary().start()) {
            String topic = "infra-test-" + UUID.randomUUID();
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
            }
            broker.stop();
            assertThat(FreePorts.isFree(broker.port())).isTrue();
            broker.start();
            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>(topic, "k", "after restart")).get();
            }

            assertThat(readAll(broker, topic, 2)).containsExactly("before restart", "after restart");
        }
    }

    @Test
    void postgresServesSeparateDatabasesOverJdbc() throws Exception {
        try (PostgresServer postgres = PostgresServer.temporary()) {
            String url = postgres.createDatabase("infra_test");
            assertThat(postgres.createDatabase("infra_test")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                 ResultSet rs = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("infra_test");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void testAgenciesSignTokensTheirPublicKeysVerify() {
        Map<String, String> config = TestAgencies.publicKeyConfig();
        assertThat(config).containsOnlyKeys("outreach.identity.public-keys.JP", "outreach.identity.public-keys.US",
                "outreach.identity.public-keys.AU", "outreach.event-signing.public-keys.JP",
                "outreach.event-signing.public-keys.US", "outreach.event-signing.public-keys.AU");
        assertThat(TestAgencies.keys("JP").getPublic()).isEqualTo(TestAgencies.keys("JP").getPublic());
        assertThat(TestAgencies.keys("JP").getPublic()).isNotEqualTo(TestAgencies.keys("US").getPublic());
        assertThat(TestAgencies.eventKeys("JP").getPublic()).as("event keys are not token keys")
                .isNotEqualTo(TestAgencies.keys("JP").getPublic());
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
