package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;
import org.outreachexchange.gateway.domain.AddressPolicy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps webhooks from reaching the gateway's own network (SSRF): http(s) only, no credentials, and a host whose every
 * address is public ({@link AddressPolicy}) unless the host is on the configured allow-list. Resolving here blocks on
 * DNS: callers on an event loop or the delivery dispatcher call it from a thread of their own.
 */
@ApplicationScoped
public class WebhookUrlValidator {

    /** The rule of a host that did not resolve: unlike the others, possibly passing (a DNS outage). */
    public static final String UNRESOLVABLE = "resolvable";

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    @Inject
    WebhookUrlValidator(DeliveryConfig config, HostResolver resolver) {
        this(config.allowedHosts().orElse(Set.of()), resolver);
    }

    WebhookUrlValidator(Set<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /**
     * Checks the URL and resolves its host once; the answer names the addresses to connect to, so nothing resolves
     * the host again between the check and the connection. Throws a 400 problem naming {@code field} otherwise.
     */
    public WebhookTarget resolve(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "uri", "is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalid(field, "scheme", "must use http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid(field, "host", "must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalid(field, "no-credentials", "must not carry credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, UNRESOLVABLE, "host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw ProblemException.invalid(field, UNRESOLVABLE, "host " + host + " does not resolve");
        }
        if (!allowedHosts.contains(host)) {
            // Every address, not only the one a call would use: the resolver's order may change from one look-up to the next.
            for (InetAddress address : addresses) {
                Optional<String> refusal = AddressPolicy.refusal(address);
                if (refusal.isPresent()) {
                    throw ProblemException.invalid(field, "public-address", "host " + host + " resolves to an internal address ("
                            + address.getHostAddress() + ": " + refusal.get() + ")");
                }
            }
        }
        return new WebhookTarget(uri, addresses);
    }
}
