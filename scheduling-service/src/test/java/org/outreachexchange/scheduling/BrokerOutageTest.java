package org.outreachexchange.scheduling;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.outreachexchange.infra.KafkaBroker;
import org.outreachexchange.infra.OutreachTestResource;
import org.outreachexchange.infra.TestInfrastructure;
import org.outreachexchange.infra.TopicReader;
import org.outreachexchange.outbox.OutboxRelay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminar;
import static org.outreachexchange.scheduling.Requests.malaysiaSeminarOnDates;
import static org.outreachexchange.scheduling.Requests.plan;
import static org.outreachexchange.scheduling.Requests.revise;

@QuarkusTest
@QuarkusTestResource(value = OutreachTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "scheduling"), @ResourceArg(name = "chain", value = "JP")})
class BrokerOutageTest {

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void activitiesPlannedWhileTheBrokerIsDownAllArriveInOrderOnceItIsBack() {
        KafkaBroker broker = TestInfrastructure.kafka();
        assertThat(broker.bootstrapServers()).as("the test stops the broker the service uses").isEqualTo(bootstrapServers);
        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            IntStream.rangeClosed(1, 5).forEach(n -> {
                Map<String, Object> body = malaysiaSeminar();
                body.put("title", "Seminar planned during the outage #" + n);
                ids.add(plan(body).statusCode(201).extract().path("id"));
            });
            revise(ids.get(0), "\"1\"", malaysiaSeminarOnDates()).statusCode(200);
            assertThat(relay.pending()).isGreaterThanOrEqualTo(6);
        } finally {
            broker.start();
        }

        try (TopicReader topic = TopicReader.follow(TestInfrastructure.kafka().bootstrapServers(), "outreach.activities.jp")) {
            List<TopicReader.Received> first = topic.await(ids.get(0), 2);
            assertThat(first).extracting(r -> r.header("ce_type"))
                    .containsExactly("outreach.activity.planned", "outreach.activity.revised");
            ids.subList(1, ids.size()).forEach(id -> assertThat(topic.await(id, 1)).hasSize(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }
}
