package org.outreachexchange.gateway.console;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Without a live session a page redirects to sign-in and back; a form post shows the sign-in form at once, holding what
 * was typed, which the new session restores on the page the form came from.
 */
public class SignInRequiredMapper {

    private final SignInResource signIn;

    SignInRequiredMapper(SignInResource signIn) {
        this.signIn = signIn;
    }

    @ServerExceptionMapper
    public Response signInRequired(SignInRequired e) {
        if (e.typed().isEmpty()) {
            return Response.seeOther(URI.create(ConsolePaths.SIGN_IN + "?return="
                    + URLEncoder.encode(ConsolePaths.safeReturn(e.page()), StandardCharsets.UTF_8))).build();
        }
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_HTML_TYPE)
                .entity(signIn.signInForm(null, ConsolePaths.safeReturn(e.page()), e.typed())).build();
    }
}
