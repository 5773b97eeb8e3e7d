package org.outreachexchange.gateway.console;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedMap;
import org.outreachexchange.gateway.domain.OfficerSession;
import org.outreachexchange.gateway.service.ConsoleSignInService;
import org.outreachexchange.identity.AgencyIdentity;
import org.outreachexchange.identity.Role;
import org.outreachexchange.identity.quarkus.AgencyForbiddenException;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The officer signed in to the console for this request, from the session cookie. Pages call {@link #require()} (GET)
 * or {@link #requireForm} (POST: also checks the form token and the request's origin); templates read it as
 * {@code inject:console}, e.g. {@code {inject:console.government}}, and forms carry {@code {#csrf /}}.
 */
@RequestScoped
@Named("console")
public class ConsoleSession {

    public static final String COOKIE = "ox_console";
    public static final String LANGUAGE_COOKIE = "ox_lang";
    /** The form field that carries the session's form token. */
    public static final String FORM_TOKEN = "csrf";

    private final RoutingContext request;
    private final ConsoleSignInService signIns;
    private Optional<OfficerSession> session;

    ConsoleSession(RoutingContext request, ConsoleSignInService signIns) {
        this.request = request;
        this.signIns = signIns;
    }

    public boolean signedIn() {
        return current().isPresent();
    }

    /** A page that needs a signed-in officer: otherwise to sign-in, and back to this page afterwards. */
    public void require() {
        if (current().isEmpty()) {
            throw new SignInRequired(pageHere(), Map.of());
        }
    }

    /**
     * A form post: without a live session, to sign-in keeping what was typed (restored on the page it came from); with
     * one, the form must carry the session's token and come from this origin (403 otherwise).
     */
    public void requireForm(MultivaluedMap<String, String> form) {
        if (current().isEmpty()) {
            Map<String, String> typed = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (!FORM_TOKEN.equals(name) && !values.isEmpty()) {
                    typed.put(name, values.get(0));
                }
            });
            throw new SignInRequired(formPage(), typed);
        }
        requireSameOrigin();
        String sent = form.getFirst(FORM_TOKEN);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                current().get().formToken.getBytes(StandardCharsets.UTF_8))) {
            throw new AgencyForbiddenException("this form is not from your current console session; reload the page and send it again");
        }
    }

    /** Refuses a post another site's page sent (the Origin header, which browsers set on every POST). */
    public void requireSameOrigin() {
        String origin = request.request().getHeader("Origin");
        if (origin != null && !origin.equals(ownOrigin())) {
            throw new AgencyForbiddenException("a console form may only be sent from the console's own pages");
        }
    }

    public String government() {
        return signedInSession().government;
    }

    public String agency() {
        return signedInSession().agency;
    }

    public List<String> roles() {
        return List.copyOf(signedInSession().roles);
    }

    public boolean hasRole(String claim) {
        return roles().contains(claim) || Role.READER.claim().equals(claim);
    }

    /** The agency token, to call the services' APIs on the officer's behalf. Never rendered into a page. */
    public String bearer() {
        return signedInSession().bearer;
    }

    /** The officer as the gateway's own services see a caller, to apply the same authorization as the REST API. */
    public AgencyIdentity identity() {
        OfficerSession s = signedInSession();
        Set<Role> roles = s.roles.stream().map(Role::ofClaim).flatMap(Optional::stream).collect(Collectors.toSet());
        return new AgencyIdentity(s.government, s.agency, s.agency, s.expiresAt, roles);
    }

    public String formToken() {
        return signedInSession().formToken;
    }

    /** What was typed on this page before the previous session expired, handed out once (empty otherwise). */
    public Map<String, String> draft() {
        return current().flatMap(s -> signIns.takeDraft(s.idHash, pageHere())).orElse(Map.of());
    }

    /** {@code en} or {@code ja}: the language cookie, else the browser's preference. */
    public String language() {
        Cookie chosen = request.request().getCookie(LANGUAGE_COOKIE);
        if (chosen != null && ConsoleLanguage.supported(chosen.getValue())) {
            return chosen.getValue();
        }
        String accept = request.request().getHeader("Accept-Language");
        return ConsoleLanguage.fromAcceptLanguage(accept);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    /** A console page in the officer's language; every console resource returns its templates through this. */
    public TemplateInstance page(TemplateInstance page) {
        return page.setAttribute(TemplateInstance.LOCALE, locale());
    }

    /** The path and query of this request, e.g. {@code /console/calendar?view=list}. */
    public String pageHere() {
        String query = request.request().query();
        return request.request().path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The session cookie's value as the browser sent it. */
    public Optional<String> cookie() {
        return Optional.ofNullable(request.request().getCookie(COOKIE)).map(Cookie::getValue);
    }

    public String path() {
        return request.request().path();
    }

    public boolean secure() {
        return "https".equals(request.request().scheme());
    }

    private OfficerSession signedInSession() {
        return current().orElseThrow(() -> new SignInRequired(pageHere(), Map.of()));
    }

    private Optional<OfficerSession> current() {
        if (session == null) {
            Cookie cookie = request.request().getCookie(COOKIE);
            session = cookie == null ? Optional.empty() : signIns.find(cookie.getValue());
        }
        return session;
    }

    /** The page a form was on: its Referer when from this origin, else the calendar. */
    private String formPage() {
        String referer = request.request().getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if ((uri.getScheme() + "://" + uri.getRawAuthority()).equals(ownOrigin()) && uri.getRawPath().startsWith("/console")) {
                    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException e) {
                return ConsolePaths.HOME;
            }
        }
        return ConsolePaths.HOME;
    }

    private String ownOrigin() {
        return request.request().scheme() + "://" + request.request().getHeader("Host");
    }
}
