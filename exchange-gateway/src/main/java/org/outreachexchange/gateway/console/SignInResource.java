package org.outreachexchange.gateway.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.service.ConsoleSignInService;
import org.outreachexchange.identity.quarkus.PublicEndpoint;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the console (a pasted agency token, or a one-time link), signing out and the language switch. The
 * console authorises by its session cookie, not a bearer token, hence {@link PublicEndpoint}.
 */
@Path("/console")
@PublicEndpoint
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    /** Hidden fields of the sign-in form that carry what was typed before the session expired. */
    static final String DRAFT_PREFIX = "draft.";

    private final Template signIn;
    private final Template signInLink;
    private final ConsoleSession session;
    private final ConsoleSignInService signIns;

    SignInResource(@Location("console/sign-in") Template signIn, @Location("console/sign-in-link") Template signInLink,
                   ConsoleSession session, ConsoleSignInService signIns) {
        this.signIn = signIn;
        this.signInLink = signInLink;
        this.session = session;
        this.signIns = signIns;
    }

    @GET
    public Response home() {
        return seeOther(session.signedIn() ? ConsolePaths.HOME : ConsolePaths.SIGN_IN);
    }

    @GET
    @Path("/sign-in")
    public TemplateInstance signInPage(@QueryParam("return") String returnTo) {
        return signInForm(null, ConsolePaths.safeReturn(returnTo), Map.of());
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form) {
        session.requireSameOrigin();
        String returnTo = ConsolePaths.safeReturn(form.getFirst("return"));
        Map<String, String> draft = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(DRAFT_PREFIX) && !values.isEmpty()) {
                draft.put(name.substring(DRAFT_PREFIX.length()), values.get(0));
            }
        });
        try {
            ConsoleSignInService.Opened opened = signIns.signIn(form.getFirst("token"), Optional.of(draft), returnTo);
            return Response.seeOther(URI.create(returnTo)).cookie(sessionCookie(opened)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(signInForm(ProblemView.of(e), returnTo, draft)).build();
        }
    }

    /** A one-time link: the page asks to continue (a link preview must not use it up), and the post opens the session. */
    @GET
    @Path("/sign-in/{code}")
    public TemplateInstance signInLinkPage(@PathParam("code") String code) {
        return session.page(signInLink.data("code", code));
    }

    @POST
    @Path("/sign-in/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInByLink(@PathParam("code") String code) {
        session.requireSameOrigin();
        return signIns.redeem(code)
                .map(opened -> Response.seeOther(URI.create(ConsolePaths.HOME)).cookie(sessionCookie(opened)).build())
                .orElseGet(() -> Response.status(Response.Status.GONE).entity(signInForm(
                        new ProblemView(410, "Gone", "This sign-in link was used, has expired or does not exist; "
                                + "ask for a new one or paste your agency's token.", java.util.List.of()),
                        ConsolePaths.HOME, Map.of())).build());
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(MultivaluedMap<String, String> form) {
        if (session.signedIn()) {
            session.requireForm(form);
            signIns.signOut(cookieValue());
        }
        return Response.seeOther(URI.create(ConsolePaths.SIGN_IN))
                .cookie(new NewCookie.Builder(ConsoleSession.COOKIE).value("").path("/console").httpOnly(true)
                        .secure(session.secure()).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build())
                .build();
    }

    /** The language switch: remembered in a cookie, then back to the page it was chosen on. */
    @GET
    @Path("/language")
    public Response language(@QueryParam("lang") String language, @QueryParam("return") String returnTo) {
        String chosen = ConsoleLanguage.supported(language) ? language : "en";
        return Response.seeOther(URI.create(ConsolePaths.safeReturn(returnTo)))
                .cookie(new NewCookie.Builder(ConsoleSession.LANGUAGE_COOKIE).value(chosen).path("/console").httpOnly(true)
                        .secure(session.secure()).sameSite(NewCookie.SameSite.LAX)
                        .maxAge((int) Duration.ofDays(365).toSeconds()).build())
                .build();
    }

    TemplateInstance signInForm(ProblemView problem, String returnTo, Map<String, String> draft) {
        Map<String, String> hidden = new LinkedHashMap<>();
        draft.forEach((name, value) -> hidden.put(DRAFT_PREFIX + name, value));
        return session.page(signIn.data("problem", problem).data("returnTo", returnTo).data("draft", hidden.entrySet())
                .data("kept", !draft.isEmpty()));
    }

    private NewCookie sessionCookie(ConsoleSignInService.Opened opened) {
        long seconds = Math.max(0, Duration.between(Clock.systemUTC().instant(), opened.session().expiresAt).toSeconds());
        return new NewCookie.Builder(ConsoleSession.COOKIE).value(opened.cookie()).path("/console").httpOnly(true)
                .secure(session.secure()).sameSite(NewCookie.SameSite.STRICT).maxAge((int) seconds).build();
    }

    private String cookieValue() {
        return session.cookie().orElse(null);
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
