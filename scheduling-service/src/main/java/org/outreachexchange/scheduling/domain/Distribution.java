package org.outreachexchange.scheduling.domain;

import jakarta.validation.constraints.Size;

import java.util.List;

/** Who the activity is shared with: every partner, or the named partner governments. */
public record Distribution(DistributionScope scope,
                           @Size(max = Limits.DISTRIBUTION_GOVERNMENTS) List<@Size(max = Limits.GOVERNMENT) String> governments) {

    public static Distribution allPartners() {
        return new Distribution(DistributionScope.ALL_PARTNERS, List.of());
    }
}
