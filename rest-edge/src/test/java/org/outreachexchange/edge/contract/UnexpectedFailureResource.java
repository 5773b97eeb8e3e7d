package org.outreachexchange.edge.contract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

/** Fails the way a bug would, so the contract can see what a client gets then. Indexed only in services' tests. */
@Path("/rest-edge-contract/unexpected")
@PublicEndpoint
public class UnexpectedFailureResource {

    @GET
    public String fail() {
        throw new IllegalStateException("a bug, with internals the client must never see");
    }
}
