package org.outreachexchange.gateway.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0             | unspecified (this network)",
            "0.1.2.3             | unspecified (this network)",
            "10.0.0.1            | private",
            "10.255.255.255      | private",
            "100.64.0.1          | shared (carrier-grade NAT)",
            "100.127.255.254     | shared (carrier-grade NAT)",
            "127.0.0.1           | loopback",
            "127.255.0.9         | loopback",
            "169.254.169.254     | link-local",
            "172.16.0.1          | private",
            "172.31.255.255      | private",
            "192.0.0.8           | IETF protocol assignments",
            "192.0.0.170         | IETF protocol assignments",
            "192.0.2.10          | documentation",
            "192.88.99.1         | 6to4 relay anycast",
            "192.168.1.1         | private",
            "198.18.0.1          | benchmarking",
            "198.19.255.255      | benchmarking",
            "198.51.100.7        | documentation",
            "203.0.113.99        | documentation",
            "224.0.0.251         | multicast",
            "239.255.255.250     | multicast",
            "240.0.0.1           | reserved (and broadcast)",
            "255.255.255.255     | reserved (and broadcast)",
            "::                  | unspecified",
            "::1                 | loopback",
            "::7f00:1            | IPv4-compatible",
            "::8.8.8.8           | IPv4-compatible",
            "::ffff:127.0.0.1    | loopback",
            "::ffff:10.1.2.3     | private",
            "64:ff9b::7f00:1     | NAT64",
            "64:ff9b::808:808    | NAT64",
            "64:ff9b:1::a00:1    | NAT64 (local use)",
            "100::1              | discard-only",
            "2001::1             | Teredo",
            "2001:2::1           | IETF protocol assignments",
            "2001:db8::1         | documentation",
            "2002:7f00:1::1      | 6to4",
            "2002:808:808::1     | 6to4",
            "3fff::1             | documentation",
            "5f00::1             | segment routing (SRv6)",
            "fc00::1             | unique local",
            "fd12:3456::1        | unique local",
            "fe80::1             | link-local",
            "febf::1             | link-local",
            "fec0::1             | site-local",
            "ff02::1             | multicast",
            "4000::1             | reserved (not global unicast)",
            "1::1                | reserved (not global unicast)",
    })
    void refusesAnAddressInASpecialPurposeRangeNamingTheRange(String address, String range) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).contains(range);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.0.1.0",
            "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2001:200::1", "2001:4860:4860::8888", "2606:4700::1111", "2a00:1450::1", "3ffe::1", "::ffff:8.8.8.8"})
    void acceptsAPublicAddress(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1      | IPv4-mapped loopback",
            "169.254.169.254| IPv4-mapped link-local",
            "198.18.0.1     | IPv4-mapped benchmarking",
    })
    void judgesAnIpv4MappedAddressBuiltFromBytesAsItsIpv4Address(String ipv4, String refusal) throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        // Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByAddress would turn into an IPv4 address.
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.refusal(address)).contains(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1"})
    void acceptsAPublicIpv4AddressInItsMappedIpv6Form(String ipv4) throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);

        assertThat(AddressPolicy.refusal(Inet6Address.getByAddress(null, mapped, -1))).isEmpty();
    }
}
