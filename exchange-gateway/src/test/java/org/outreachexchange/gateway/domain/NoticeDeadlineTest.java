package org.outreachexchange.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeDeadlineTest {

    @Test
    void noticeGivenOnTheTwentyFourthOfJuneForASeminarOnTheTwentyFourthOfJulyIsInTime() {
        Instant deadline = NoticeDeadline.of(LocalDate.parse("2008-07-24"), 30, ZoneOffset.UTC);

        assertThat(Instant.parse("2008-06-24T23:59:59Z")).isBefore(deadline);
        assertThat(Instant.parse("2008-06-25T00:00:00Z")).isEqualTo(deadline);
    }

    @Test
    void theZoneDecidesWhichDayAnInstantFallsOn() {
        Instant deadline = NoticeDeadline.of(LocalDate.parse("2008-07-24"), 30, ZoneId.of("Asia/Tokyo"));

        assertThat(deadline).isEqualTo(Instant.parse("2008-06-24T15:00:00Z"));
    }
}
