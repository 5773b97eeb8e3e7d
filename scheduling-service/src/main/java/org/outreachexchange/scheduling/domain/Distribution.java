package org.outreachexchange.scheduling.domain;

import java.util.List;

/** Who the activity is shared with: every partner, or the named partner governments. */
public record Distribution(DistributionScope scope, List<String> governments) {

    public static Distribution allPartners() {
        return new Distribution(DistributionScope.ALL_PARTNERS, List.of());
    }
}
