package org.outreachexchange.identity.partners;

import java.util.List;

/** What a government's key signs: its agencies' tokens or its scheduling-service's events. */
public enum KeyPurpose {
    TOKENS, EVENTS;

    public List<PartnerKey> of(Partner partner) {
        return this == TOKENS ? partner.tokenKeys() : partner.eventKeys();
    }
}
