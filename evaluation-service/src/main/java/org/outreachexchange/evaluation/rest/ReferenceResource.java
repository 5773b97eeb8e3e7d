package org.outreachexchange.evaluation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.outreachexchange.edge.Pages;
import org.outreachexchange.evaluation.domain.Category;
import org.outreachexchange.evaluation.domain.CategoryGuidance;
import org.outreachexchange.evaluation.domain.ReferenceData;
import org.outreachexchange.evaluation.domain.RoleSharing;
import org.outreachexchange.evaluation.service.RoleSharingService;

/** The source document's tables, in category order and paged like every list (they fit one page). */
@Path("/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference", description = "The source document's tables")
@SecurityRequirement(name = "agency")
public class ReferenceResource {

    private final RoleSharingService roles;

    ReferenceResource(RoleSharingService roles) {
        this.roles = roles;
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Primary objectives and tools in each category, in category order; paged")
    @APIResponse(responseCode = "200", description = "A page of categories; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryGuidance.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response categories(@Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                               @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
                               @Context UriInfo uri) {
        Category from = afterCategory(after);
        return Cursors.page(ReferenceData.guidance(), g -> from == null || g.category().compareTo(from) > 0,
                Pages.limit(limit), g -> Pages.cursor(g.category().name()), uri);
    }

    @GET
    @Path("/role-sharing")
    @Operation(summary = "The role-sharing table in force: which partner leads which tools in each category, in category order; paged")
    @APIResponse(responseCode = "200", description = "A page of categories; Link rel=\"next\" while more follow",
            headers = @Header(name = "Link", description = "<...>; rel=\"next\" while more follow"),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RoleSharing.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response roleSharing(@Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                                @Parameter(description = "the cursor of the previous page's Link rel=\"next\"") @QueryParam("after") String after,
                                @Context UriInfo uri) {
        Category from = afterCategory(after);
        return Cursors.page(ReferenceData.roleSharing(roles.inForce()), r -> from == null || r.category().compareTo(from) > 0,
                Pages.limit(limit), r -> Pages.cursor(r.category().name()), uri);
    }

    private static Category afterCategory(String after) {
        return Pages.after(after, 1, parts -> Category.valueOf(parts.get(0))).orElse(null);
    }
}
