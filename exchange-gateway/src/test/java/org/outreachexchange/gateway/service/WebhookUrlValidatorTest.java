package org.outreachexchange.gateway.service;

import org.junit.jupiter.api.Test;
import org.outreachexchange.edge.FieldError;
import org.outreachexchange.edge.ProblemException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The URL check with a resolver the test scripts: no DNS. */
class WebhookUrlValidatorTest {

    private final List<String> lookups = new ArrayList<>();

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsInternalNotOnlyTheFirst() {
        WebhookUrlValidator urls = validator(Set.of(), Map.of("partner.example", List.of("8.8.8.8", "10.0.0.5")));

        FieldError error = refused(urls, "https://partner.example/hooks");

        assertThat(error.rule()).isEqualTo("public-address");
        assertThat(error.message()).contains("internal address").contains("10.0.0.5").contains("private");
    }

    @Test
    void returnsEveryAddressOfAPublicHostFromItsOneLookup() throws UnknownHostException {
        WebhookUrlValidator urls = validator(Set.of(), Map.of("partner.example", List.of("8.8.8.8", "2001:4860:4860::8888")));

        WebhookTarget target = urls.resolve("url", "https://partner.example:8443/hooks?gov=AU");

        assertThat(target.addresses()).containsExactly(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("2001:4860:4860::8888"));
        assertThat(target.host()).isEqualTo("partner.example");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.requestUri()).isEqualTo("/hooks?gov=AU");
        assertThat(lookups).containsExactly("partner.example");
    }

    @Test
    void refusesAddressLiteralsOfInternalRangesInEveryForm() {
        WebhookUrlValidator urls = validator(Set.of(), Map.of());

        for (String url : List.of("http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a00:1]/",
                "http://[2002:a00:1::1]/", "http://192.0.0.170/", "http://198.18.0.1/", "http://2130706433/")) {
            assertThat(refused(urls, url).rule()).as(url).isEqualTo("public-address");
        }
        assertThat(refused(urls, "http://[::127.0.0.1]/").message()).contains("IPv4-compatible");
        assertThat(refused(urls, "http://[64:ff9b::a00:1]/").message()).contains("NAT64");
        assertThat(refused(urls, "http://[2002:a00:1::1]/").message()).contains("6to4");
    }

    @Test
    void letsAnAllowedHostResolveToLoopback() {
        WebhookUrlValidator urls = validator(Set.of("localhost", "127.0.0.1"), Map.of("localhost", List.of("127.0.0.1")));

        assertThat(urls.resolve("url", "http://localhost:8080/hook").address().isLoopbackAddress()).isTrue();
        assertThat(urls.resolve("url", "http://127.0.0.1:8080/hook").address().isLoopbackAddress()).isTrue();
        assertThat(refused(urls, "http://127.0.0.2:8080/hook").rule()).as("only the hosts named").isEqualTo("public-address");
    }

    @Test
    void namesAHostThatDoesNotResolveAsUnresolvable() {
        WebhookUrlValidator urls = validator(Set.of(), Map.of());

        FieldError error = refused(urls, "https://nowhere.example/hooks");

        assertThat(error.rule()).isEqualTo(WebhookUrlValidator.UNRESOLVABLE);
        assertThat(error.field()).isEqualTo("url");
    }

    @Test
    void refusesOtherSchemesCredentialsAndMissingHostsWithoutLookingAnythingUp() {
        WebhookUrlValidator urls = validator(Set.of(), Map.of("partner.example", List.of("8.8.8.8")));

        assertThat(refused(urls, "ftp://partner.example/").rule()).isEqualTo("scheme");
        assertThat(refused(urls, "https://user:pw@partner.example/").rule()).isEqualTo("no-credentials");
        assertThat(refused(urls, "https:///hooks").rule()).isEqualTo("host");
        assertThat(refused(urls, "https://partner example/").rule()).isEqualTo("uri");
        assertThat(lookups).isEmpty();
    }

    private static FieldError refused(WebhookUrlValidator urls, String url) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> urls.resolve("url", url));
        assertThat(problem).as(url).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        return problem.errors().get(0);
    }

    /** Names resolve as {@code names} says; address literals as themselves, as the JVM's resolver does without DNS. */
    private WebhookUrlValidator validator(Set<String> allowed, Map<String, List<String>> names) {
        return new WebhookUrlValidator(allowed, host -> {
            List<String> answer = names.get(host);
            if (answer == null && (host.contains(":") || host.matches("[0-9.]+"))) {
                return List.of(InetAddress.getByName(host));
            }
            lookups.add(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (String address : answer) {
                addresses.add(InetAddress.getByName(address));
            }
            return addresses;
        });
    }
}
