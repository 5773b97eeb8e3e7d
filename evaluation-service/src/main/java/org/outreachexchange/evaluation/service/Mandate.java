package org.outreachexchange.evaluation.service;

import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.util.Set;

/**
 * Who may change the shared evaluation: proposing an assessment or criteria, concurring and objecting need an agency
 * with the evaluator or coordinator role, acting for its own government. Every agency reads and previews. Checked
 * before anything in the body, so a refused caller learns nothing from how its body would have been judged.
 */
public final class Mandate {

    /** The roles that may propose, concur and object. */
    public static final Set<Role> DECIDING = Set.of(Role.EVALUATOR, Role.COORDINATOR);

    private Mandate() {
    }

    /** Refuses (403) an agency without a deciding role. */
    public static void requireDecider(AgencyIdentity caller) {
        if (DECIDING.stream().noneMatch(caller::has)) {
            throw new AgencyForbiddenException("agency " + caller.agency() + " of " + caller.government()
                    + " may not propose, concur or object: that needs the evaluator or coordinator role");
        }
    }

    /** Refuses (403) a body that names another government than the caller's; none named means the caller's. */
    public static void requireOwnGovernment(AgencyIdentity caller, String government) {
        if (government != null && !government.equals(caller.government())) {
            throw new AgencyForbiddenException("agencies of " + caller.government() + " may not act for " + government);
        }
    }
}
