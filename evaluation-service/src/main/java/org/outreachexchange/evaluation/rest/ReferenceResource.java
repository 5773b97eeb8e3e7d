package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.evaluation.domain.CategoryGuidance;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.domain.RoleSharing;

import java.util.List;

@Path("/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference", description = "The source document's tables")
@SecurityRequirement(name = "agency")
public class ReferenceResource {

    @GET
    @Path("/categories")
    @Operation(summary = "Primary objectives and tools in each category")
    public List<CategoryGuidance> categories() {
        return ReferenceData.guidance();
    }

    @GET
    @Path("/role-sharing")
    @Operation(summary = "Which partner leads which tools in each category")
    public List<RoleSharing> roleSharing() {
        return ReferenceData.roleSharing();
    }
}
