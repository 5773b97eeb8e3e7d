package org.outreachexchange.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What an agency may do for its government, carried in its token's {@code roles} claim. The source document's agencies
 * plan and hold outreach (METI, the State Department's EXBS programme and Commerce, DFAT), assess recipient countries
 * with their partners, and read what partners share (customs and other agencies); one government-level coordinator
 * may act on what any of its agencies created.
 */
public enum Role {
    /** Reads what is shared with its government and subscribes to it; every agency can. */
    READER,
    /** Plans, revises, completes and cancels the activities its agency created; answers partners' notices. */
    PLANNER,
    /** Proposes assessments and criteria, and concurs with or objects to proposals. */
    EVALUATOR,
    /** Acts on any activity or subscription of its government, whichever agency created it. */
    COORDINATOR;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
