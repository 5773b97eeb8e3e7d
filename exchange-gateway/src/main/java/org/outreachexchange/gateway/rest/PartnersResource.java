package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.quarkus.Partners;

/**
 * The partners document the gateway works with. Any partner's agency may read it (the members, their topics, the
 * public keys that verify their tokens and sealed events, the tools each leads); outsiders learn nothing of them.
 */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "The exchange's partner governments, their keys, topics and role sharing")
public class PartnersResource {

    private final Partners partners;

    PartnersResource(Partners partners) {
        this.partners = partners;
    }

    @GET
    @Operation(summary = "The current partners document: version, and per government its name, activity topic, joining"
            + " date, token and event keys (with retirement times) and the tools it leads per category")
    public PartnersDocument current() {
        return partners.current();
    }
}
