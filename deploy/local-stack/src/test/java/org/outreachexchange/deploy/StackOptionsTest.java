package org.outreachexchange.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's command line: --governments adds a partner's scheduling-service on the next port. */
class StackOptionsTest {

    private static final Path ROOT = Path.of("/checkout");

    @Test
    void startsTheFoundingPartnersUnlessToldOtherwise() {
        StackOptions options = StackOptions.parse(new String[0], ROOT);

        assertThat(options.layout().governments()).containsExactly("JP", "US", "AU");
        assertThat(ServiceSpec.all(options.layout()).stream().map(ServiceSpec::name))
                .containsExactly("scheduling-jp", "scheduling-us", "scheduling-au", "evaluation", "gateway");
    }

    @Test
    void givesAJoiningGovernmentItsOwnSchedulingServicePortDatabaseAndTopic() {
        StackOptions options = StackOptions.parse(new String[]{"--governments", "JP,US,AU,KR", "--ports-offset", "10"}, ROOT);

        ServiceSpec korea = ServiceSpec.all(options.layout()).stream().filter(s -> s.government().equals(Optional.of("KR")))
                .findFirst().orElseThrow();
        assertThat(korea.name()).isEqualTo("scheduling-kr");
        assertThat(korea.port()).isEqualTo(8104 + 10);
        assertThat(korea.database()).isEqualTo("scheduling_kr");
        assertThat(korea.properties()).containsEntry("outreach.scheduling.government", "KR")
                .containsEntry("mp.messaging.outgoing.outbox-events.topic", "outreach.activities.kr");
        assertThat(ServiceSpec.all(options.layout())).filteredOn(s -> s.government().isEmpty())
                .allSatisfy(s -> assertThat(s.properties().keySet()).anyMatch(k -> k.endsWith(".metadata.max.age.ms")));
    }

    @Test
    void refusesAListThatDoesNotStartWithTheFoundingPartnersOrNamesAGovernmentTwice() {
        for (String list : List.of("KR,JP,US,AU", "JP,US", "JP,US,AU,KR,KR", "JP,US,AU,korea")) {
            assertThatThrownBy(() -> StackOptions.parse(new String[]{"--governments", list}, ROOT)).as(list)
                    .isInstanceOf(StackOptions.UsageException.class).hasMessageContaining("--governments");
        }
    }
}
