package org.outreachexchange.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.outreachexchange.edge.ProblemException;
import org.outreachexchange.gateway.config.DeliveryConfig;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps webhooks from reaching the gateway's own network (SSRF): http(s) only, no credentials, and a host whose every
 * address is public (no loopback, private, link-local, CGNAT, unique-local or otherwise internal one) unless the host
 * is on the configured allow-list. Resolving here blocks on DNS: callers on an event loop or the delivery dispatcher
 * call it from a thread of their own.
 */
@ApplicationScoped
public class WebhookUrlValidator {

    /** Name resolution, replaceable so tests can say what a name resolves to. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    @Inject
    WebhookUrlValidator(DeliveryConfig config) {
        this(config.allowedHosts().orElse(Set.of()), InetAddress::getAllByName);
    }

    WebhookUrlValidator(Set<String> allowedHosts, Resolver resolver) {
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
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "resolvable", "host " + host + " does not resolve");
        }
        if (!allowedHosts.contains(host)) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    throw ProblemException.invalid(field, "public-address", "host " + host + " resolves to an internal address");
                }
            }
        }
        return new WebhookTarget(uri, List.of(addresses));
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) // 0/8, carrier-grade NAT 100.64/10
                || (first == 169 && second == 254) || first >= 240;
    }
}
