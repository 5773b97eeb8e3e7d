package org.outreachexchange.identity.quarkus;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.outreachexchange.identity.InvalidTokenException;

/** Every REST resource requires a verified agency token unless it is marked {@link PublicEndpoint}. */
public class AgencyAuthenticationFilter {

    private static final String BEARER = "Bearer ";

    private final TrustedGovernments trusted;
    private final CurrentAgency current;

    AgencyAuthenticationFilter(TrustedGovernments trusted, CurrentAgency current) {
        this.trusted = trusted;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (isPublic(resource)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AgencyAuthenticationException("an agency bearer token is required (Authorization: Bearer ...)");
        }
        try {
            current.set(trusted.verify(header.substring(BEARER.length())));
        } catch (InvalidTokenException e) {
            throw new AgencyAuthenticationException(e.getMessage());
        }
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }
}
