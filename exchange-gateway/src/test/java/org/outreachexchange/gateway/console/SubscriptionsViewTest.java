package org.outreachexchange.gateway.console;

import org.junit.jupiter.api.Test;
import org.outreachexchange.gateway.console.GatewayJson.SubscriptionRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsViewTest {

    @Test
    void aFeedLinkBecomesAWebcalLinkWhateverItsScheme() {
        assertThat(SubscriptionsView.webcal("https://exchange.example/feeds/abc.ics")).isEqualTo("webcal://exchange.example/feeds/abc.ics");
        assertThat(SubscriptionsView.webcal("http://localhost:8120/feeds/abc.ics")).isEqualTo("webcal://localhost:8120/feeds/abc.ics");
        assertThat(SubscriptionsView.webcal(null)).isNull();
    }

    @Test
    void theFormSendsCodesUpperCasedAndAUrlOnlyForAWebhook() {
        SubscriptionsView.Form webhook = SubscriptionsView.Form.of(Map.of("kind", List.of("SCHEDULES"), "channel", List.of("WEBHOOK"),
                "url", List.of(" https://partner.example/hooks "), "governments", List.of("jp, us"), "recipients", List.of(""),
                "activityTypes", List.of("OFFICER_TRAINING")), null);
        SubscriptionRequest sent = webhook.request();

        assertThat(sent.url()).isEqualTo("https://partner.example/hooks");
        assertThat(sent.filters().governments()).containsExactly("JP", "US");
        assertThat(sent.filters().recipients()).isNull();
        assertThat(sent.filters().activityTypes()).containsExactly("OFFICER_TRAINING");
        assertThat(sent.filters().categoryChangesOnly()).isNull();

        SubscriptionsView.Form calendar = SubscriptionsView.Form.of(Map.of("kind", List.of("SCHEDULES"), "channel", List.of("ICAL"),
                "url", List.of("https://ignored.example"), "categoryChangesOnly", List.of("true")), null);
        assertThat(calendar.request().url()).isNull();
        assertThat(calendar.request().filters().categoryChangesOnly()).isTrue();
        assertThat(calendar.types()).filteredOn(SubscriptionsView.Choice::checked).isEmpty();
        assertThat(webhook.types()).filteredOn(SubscriptionsView.Choice::checked).extracting(SubscriptionsView.Choice::value)
                .containsExactly("OFFICER_TRAINING");
    }
}
