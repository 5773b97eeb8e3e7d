package org.outreachexchange.gateway.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.gateway.service.ConsoleSignInService;
import org.outreachexchange.identity.quarkus.CurrentAgency;

import java.time.Instant;

@Path("/console-sign-in-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console", description = "One-time sign-in links to the partners' console")
public class SignInLinkResource {

    /** A one-time link: open {@code path} on the gateway once, before {@code expiresAt}. */
    public record SignInLinkView(String path, Instant expiresAt) {
    }

    private final ConsoleSignInService signIns;
    private final CurrentAgency agency;

    SignInLinkResource(ConsoleSignInService signIns, CurrentAgency agency) {
        this.signIns = signIns;
        this.agency = agency;
    }

    @POST
    @Operation(summary = "A one-time console sign-in link for the calling agency: whoever opens it once gets a console "
            + "session as that agency, until its token expires. The token stays on the server; the link holds a random code")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SignInLinkView.class)))
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ConsoleSignInService.Link link = signIns.createLink(agency.identity(), authorization.substring("Bearer ".length()).strip());
        return Response.status(Response.Status.CREATED)
                .entity(new SignInLinkView("/console/sign-in/" + link.code(), link.expiresAt())).build();
    }
}
