package org.outreachexchange.gateway;

import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.infra.TestAgencies;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/** Bearer tokens issued on the gateway's (possibly advanced) test clock, so they stay valid after deadlines pass. */
final class Agencies {

    private Agencies() {
    }

    static String bearer(String government) {
        Clock clock = Clock.fixed(MutableClock.now(), ZoneOffset.UTC);
        return "Bearer " + AgencyTokens.issue(TestAgencies.keys(government).getPrivate(), government, "AGENCY-" + government,
                "tester", Duration.ofHours(1), clock);
    }
}
