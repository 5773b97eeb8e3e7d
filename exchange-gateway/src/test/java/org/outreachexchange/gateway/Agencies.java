package org.outreachexchange.gateway;

import org.outreachexchange.infra.TestAgencies;

/** Bearer tokens on the wall clock: the gateway judges tokens by it, whatever its (advanced) test clock says. */
final class Agencies {

    private Agencies() {
    }

    static String bearer(String government) {
        return TestAgencies.bearer(government, "AGENCY-" + government);
    }
}
