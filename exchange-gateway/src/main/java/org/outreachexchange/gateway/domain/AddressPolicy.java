package org.outreachexchange.gateway.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: only public ones, so that a partner's URL cannot make the gateway call
 * into its own network (SSRF). An address is refused when it lies in a special-purpose range (IANA's IPv4 and IPv6
 * special-purpose registries) that is not a public host's: loopback, private, shared (CGNAT), link-local, multicast,
 * unspecified, documentation, benchmarking, protocol assignments, reserved, and the IPv6 transition prefixes that
 * lead to IPv4 (IPv4-compatible {@code ::/96}, NAT64, 6to4, Teredo), since those may reach an internal IPv4 address
 * through a translator. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is judged as its IPv4 address. In IPv6
 * only global unicast ({@code 2000::/3}) is public at all.
 */
public final class AddressPolicy {

    /** A range of addresses and what it is, e.g. {@code 10.0.0.0/8} "private". */
    record Range(byte[] prefix, int bits, String name) {

        static Range of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            byte[] prefix = literal(cidr.substring(0, slash));
            return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((address[full] ^ prefix[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/8", "unspecified (this network)"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "shared (carrier-grade NAT)"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "IETF protocol assignments"),
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("192.88.99.0/24", "6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved (and broadcast)"));

    /** Ranges inside global unicast {@code 2000::/3} that are not public hosts; everything outside it is refused anyway. */
    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("::/96", "IPv4-compatible"),
            Range.of("64:ff9b::/96", "NAT64"),
            Range.of("64:ff9b:1::/48", "NAT64 (local use)"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001::/32", "Teredo"),
            Range.of("2001::/23", "IETF protocol assignments"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("2002::/16", "6to4"),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "segment routing (SRv6)"),
            Range.of("fc00::/7", "unique local"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("ff00::/8", "multicast"));

    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", "global unicast");

    private AddressPolicy() {
    }

    /** Why a webhook may not go to {@code address}: the kind of range it lies in; empty for a public address. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (address instanceof Inet6Address) {
            if (mapped(bytes)) {
                byte[] embedded = {bytes[12], bytes[13], bytes[14], bytes[15]};
                return ipv4(embedded).map(name -> "IPv4-mapped " + name);
            }
            for (Range range : IPV6) {
                if (range.contains(bytes)) {
                    return Optional.of(range.name());
                }
            }
            return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("reserved (not global unicast)");
        }
        return Optional.of("unknown address family");
    }

    private static Optional<String> ipv4(byte[] bytes) {
        for (Range range : IPV4) {
            if (range.contains(bytes)) {
                return Optional.of(range.name());
            }
        }
        return Optional.empty();
    }

    /** {@code ::ffff:0:0/96}; Java turns most of them into IPv4 addresses already, but not one built from bytes. */
    private static boolean mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** An address literal of this class's own table; never a name, so nothing is looked up. */
    private static byte[] literal(String text) {
        if (!text.contains(":") && !text.matches("[0-9.]+")) {
            throw new IllegalArgumentException("not an address literal: " + text);
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + text, e);
        }
    }
}
