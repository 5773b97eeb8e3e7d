package org.outreachexchange.scheduling.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "Outreach Exchange scheduling-service", version = "1.0",
                description = "One deployment per government: its agencies plan, revise, complete and cancel outreach activities."
                        + " Every change is published to outreach.activities.<gov> as a CloudEvent (schema: /schemas/activity-event.schema.json)."),
        security = @SecurityRequirement(name = "agency"))
@SecurityScheme(securitySchemeName = "agency", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWS (EdDSA)",
        description = "Agency token signed with the government's own Ed25519 key; issue one with the identity TokenTool.")
public class SchedulingApi extends Application {
}
