package org.outreachexchange.gateway.service;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A webhook URL that passed {@link WebhookUrlValidator} with the addresses its host resolved to then. A call connects
 * to {@link #address()} and still names {@link #host()} (Host header, TLS server name and certificate check).
 */
public record WebhookTarget(URI uri, List<InetAddress> addresses) {

    public WebhookTarget {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a webhook target needs an address");
        }
        addresses = List.copyOf(addresses);
    }

    /** The first address the resolver gave, in its order of preference. */
    public InetAddress address() {
        return addresses.get(0);
    }

    public boolean tls() {
        return uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
    }

    public String host() {
        return uri.getHost();
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** Path and query as the URL has them. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
