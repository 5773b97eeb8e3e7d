package org.outreachexchange.infra;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.EventSeals;
import org.outreachexchange.identity.partners.KeyPurpose;
import org.outreachexchange.identity.partners.KeyRing;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void brokerKeepsRecordsAcrossARestartOnTheSamePort() {
        try (KafkaBroker broker = KafkaBroker.temporary().start()) {
            String topic = "infra-test-" + UUID.randomUUID();
            ActivityTopicWriter.sendRaw(broker.bootstrapServers(), topic, "k", Map.of(), "before restart");
            broker.stop();
            assertThat(FreePorts.isFree(broker.port())).isTrue();
            broker.start();
            ActivityTopicWriter.sendRaw(broker.bootstrapServers(), topic, "k", Map.of(), "after restart");

            assertThat(TopicReader.readAll(broker.bootstrapServers(), topic)).extracting(TopicReader.Received::value)
                    .containsExactly("before restart", "after restart");
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
        PartnersDocument partners = PartnersFile.read(Path.of(TestAgencies.partnersConfig().get("outreach.partners.file")));
        assertThat(partners.governments()).containsExactly("JP", "US", "AU");
        assertThat(AgencyTokens.verify(TestAgencies.token("JP", "METI"), KeyRing.of(partners, KeyPurpose.TOKENS),
                Clock.systemUTC(), Duration.ofHours(24)).government()).isEqualTo("JP");
        assertThat(TestAgencies.keys("JP").getPublic()).isEqualTo(TestAgencies.keys("JP").getPublic());
        assertThat(TestAgencies.keys("JP").getPublic()).isNotEqualTo(TestAgencies.keys("US").getPublic());
        assertThat(TestAgencies.eventKeys("JP").getPublic()).as("event keys are not token keys")
                .isNotEqualTo(TestAgencies.keys("JP").getPublic());
    }

    @Test
    void sealedEventsArriveAsConsecutiveLinksOfTheirGovernmentsChainAndFollowersSeeThem() {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        ExchangeTopics.create(bootstrap, List.of("AU"), List.of());
        try (TopicReader follower = TopicReader.follow(bootstrap, ExchangeTopics.activityTopic("AU"))) {
            String activity = UUID.randomUUID().toString();
            ActivityTopicWriter.send(bootstrap, "AU", activity, "outreach.activity.planned", "{\"n\":1}");
            ActivityTopicWriter.send(bootstrap, "AU", activity, "outreach.activity.revised", "{\"n\":2}");

            List<TopicReader.Received> records = follower.await(activity, 2);
            for (TopicReader.Received record : records) {
                EventSeals.Seal seal = new EventSeals.Seal("AU", Long.parseLong(record.header("ce_chainseq")),
                        record.header("ce_chainprev"), record.header("ce_chainsig"));
                assertThat(EventSeals.verifies(TestAgencies.eventKeys("AU").getPublic(), seal, content(record).digest())).isTrue();
            }
            TopicReader.Received first = records.get(0);
            long sequence = Long.parseLong(first.header("ce_chainseq"));
            assertThat(records.get(1).header("ce_chainseq")).isEqualTo(Long.toString(sequence + 1));
            assertThat(records.get(1).header("ce_chainprev"))
                    .isEqualTo(EventSeals.link("AU", sequence, first.header("ce_chainprev"), content(first).digest()));
            assertThat(TopicReader.readAll(bootstrap, ExchangeTopics.activityTopic("AU"))).extracting(TopicReader.Received::key)
                    .contains(activity);
        }
    }

    @Test
    void webhookReceiverVerifiesTheStandardWebhooksExampleAndAnswersAsScripted() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(429, "3")) {
            // The example of the Standard Webhooks specification (standardwebhooks.com).
            HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url("/partner")))
                    .header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek").header("webhook-timestamp", "1614265330")
                    .header("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"test\": 2432232314}")).build();
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<Void> limited = client.send(request, HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> accepted = client.send(request, HttpResponse.BodyHandlers.discarding());

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("3");
            assertThat(accepted.statusCode()).isEqualTo(204);
            assertThat(receiver.calls("/partner")).extracting(WebhookReceiver.Call::answered).containsExactly(429, 204);
            WebhookReceiver.Call call = receiver.accepted().get(0);
            assertThat(call.signedWith("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isTrue();
            assertThat(call.signedWith("whsec_" + "A".repeat(32))).as("another secret").isFalse();
            assertThat(call.signedWith(null)).isFalse();
        }
    }

    private static EventSeals.Content content(TopicReader.Received record) {
        return new EventSeals.Content(record.header("ce_id"), record.header("ce_type"), record.header("ce_source"),
                record.header("ce_subject"), record.key(), record.value());
    }
}
