package org.outreachexchange.infra.fuzz;

import org.outreachexchange.identity.AgencyTokens;
import org.outreachexchange.identity.Role;
import org.outreachexchange.infra.TestAgencies;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The fuzzer's tokens in a service's tests, signed with the test governments' keys. */
public final class TestCredentials {

    private TestCredentials() {
    }

    /** An agency of {@code government} with every role; {@code other} is a government whose token may be refused. */
    public static FuzzRequests.Credentials of(String government, String agency, String other) {
        String expired = AgencyTokens.issue(TestAgencies.keys(government).getPrivate(), government, agency, "fuzz",
                EnumSet.allOf(Role.class), Duration.ofMinutes(5), Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
        return FuzzRequests.Credentials.of(TestAgencies.bearer(government, agency, EnumSet.allOf(Role.class)),
                TestAgencies.bearer(government, agency, Set.of()), TestAgencies.bearer(other, "FUZZ", EnumSet.allOf(Role.class)),
                "Bearer " + expired, TestAgencies.bearer(TestAgencies.STRANGER, "FUZZ", EnumSet.allOf(Role.class)));
    }
}
