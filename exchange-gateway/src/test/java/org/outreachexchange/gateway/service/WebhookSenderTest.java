package org.outreachexchange.gateway.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachexchange.gateway.config.DeliveryConfig;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender against real sockets, with names that only the test's resolver knows: if anything but the sender's one
 * look-up resolved them, the calls could not connect at all.
 */
class WebhookSenderTest {

    private static final String SECRET = WebhookSigner.newSecret();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2008-06-24T09:00:00Z"), ZoneOffset.UTC);

    /** What a receiver saw of one call. */
    private record Seen(String host, String path, String webhookId, String serverName) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<WebhookSender> senders = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        senders.forEach(WebhookSender::close);
        if (server != null) {
            server.stop(0);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectsToTheAddressTheHostResolvedToWhenCheckedAndKeepsTheHostInTheRequest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        int port = server.getAddress().getPort();
        WebhookSender sender = sender(Set.of("partner.example"), Map.of("partner.example", "127.0.0.1"), new HttpClientOptions());
        UUID id = UUID.randomUUID();

        DeliveryOutcome outcome = send(sender, id, "http://partner.example:" + port + "/hooks/gov?x=1");

        assertThat(outcome.status()).isEqualTo(204);
        assertThat(seen).containsExactly(new Seen("partner.example:" + port, "/hooks/gov?x=1", id.toString(), null));
        assertThat(lookups).as("the host is resolved once, by the check").hasValue(1);
        assertThat(outcome.attemptedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void refusesAHostThatResolvesToAnInternalAddressWithoutCallingIt() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        WebhookSender sender = sender(Set.of(), Map.of("rebound.example", "127.0.0.1"), new HttpClientOptions());

        DeliveryOutcome outcome = send(sender, UUID.randomUUID(), "http://rebound.example:" + server.getAddress().getPort() + "/hooks");

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.notSent()).contains("internal address");
        assertThat(seen).isEmpty();
    }

    @Test
    void refusesAHostReboundToLoopbackAfterItsSubscriptionWasCheckedNamingTheAddressAndRange() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        // The subscription was accepted while the name pointed at a public address; at this attempt it points home.
        WebhookSender sender = sender(Set.of(), Map.of("rebound.example", "::ffff:127.0.0.1"), new HttpClientOptions());

        DeliveryOutcome outcome = send(sender, UUID.randomUUID(), "http://rebound.example:" + server.getAddress().getPort() + "/hooks");

        assertThat(outcome.notSent()).isEqualTo("url: host rebound.example resolves to an internal address (127.0.0.1: loopback)");
        assertThat(seen).isEmpty();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void reportsAHostThatNoLongerResolvesAsAnErrorToRetryNotAsRefused() throws Exception {
        WebhookSender sender = sender(Set.of(), Map.of(), new HttpClientOptions());

        DeliveryOutcome outcome = send(sender, UUID.randomUUID(), "https://gone.example/hooks");

        assertThat(outcome.sent()).as("a DNS outage must not dead-letter the delivery at once").isTrue();
        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).contains("host gone.example does not resolve");
    }

    @Test
    void reportsAnUnreachableEndpointAsAnErrorToRetry() throws Exception {
        WebhookSender sender = sender(Set.of("partner.example"), Map.of("partner.example", "127.0.0.1"), new HttpClientOptions());

        DeliveryOutcome outcome = send(sender, UUID.randomUUID(), "http://partner.example:1/hooks");

        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).isNotBlank();
    }

    @Test
    void overHttpsNamesTheHostForSniAndTheCertificateCheckWhileConnectingToThePinnedAddress(@TempDir Path keys) throws Exception {
        Path keyStore = keyStore(keys, "partner.example");
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        https.createContext("/", this::answer);
        https.start();
        server = https;
        int port = https.getAddress().getPort();
        HttpClientOptions trustingTheTestCertificate = new HttpClientOptions()
                .setTrustOptions(new PfxOptions().setPath(keyStore.toString()).setPassword("changeit"));
        WebhookSender sender = sender(Set.of("partner.example", "impostor.example"),
                Map.of("partner.example", "127.0.0.1", "impostor.example", "127.0.0.1"), trustingTheTestCertificate);

        DeliveryOutcome genuine = send(sender, UUID.randomUUID(), "https://partner.example:" + port + "/hooks");
        DeliveryOutcome impostor = send(sender, UUID.randomUUID(), "https://impostor.example:" + port + "/hooks");

        assertThat(genuine.status()).as(String.valueOf(genuine)).isEqualTo(204);
        assertThat(seen).extracting(Seen::serverName).containsExactly("partner.example");
        assertThat(seen).extracting(Seen::host).containsExactly("partner.example:" + port);
        assertThat(impostor.status()).as("a certificate for another name is refused").isNull();
        assertThat(impostor.error()).contains("impostor.example");
    }

    private static DeliveryOutcome send(WebhookSender sender, UUID id, String url) throws Exception {
        return sender.send(new WebhookSender.Webhook(id, url, SECRET, "{\"type\":\"activity.planned\"}"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private WebhookSender sender(Set<String> allowed, Map<String, String> names, HttpClientOptions options) {
        WebhookUrlValidator validator = new WebhookUrlValidator(allowed, host -> {
            lookups.incrementAndGet();
            String address = names.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address));
        });
        WebhookSender sender = new WebhookSender(vertx, validator, config(), CLOCK, options);
        senders.add(sender);
        return sender;
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String serverName = null;
        if (exchange instanceof HttpsExchange secure && secure.getSSLSession() instanceof ExtendedSSLSession session) {
            serverName = session.getRequestedServerNames().stream().filter(SNIHostName.class::isInstance)
                    .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse(null);
        }
        seen.add(new Seen(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("webhook-id"), serverName));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** A self-signed certificate for {@code host}, made with the JDK's keytool. */
    private static Path keyStore(Path directory, String host) throws Exception {
        Path keyStore = directory.resolve("webhook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + host,
                "-ext", "SAN=dns:" + host, "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return keyStore;
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    private static DeliveryConfig config() {
        return new DeliveryConfig() {
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public int maxAttempts() {
                return 4;
            }

            public Duration initialBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration maxBackoff() {
                return Duration.ofMinutes(1);
            }

            public double jitter() {
                return 0.2;
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(30); // a first TLS handshake on a loaded machine can take seconds
            }

            public Optional<Duration> lease() {
                return Optional.empty();
            }

            public int batchSize() {
                return 10;
            }

            public int concurrency() {
                return 4;
            }

            public int perSubscriptionConcurrency() {
                return 2;
            }

            public double governmentShare() {
                return 0.5;
            }

            public Duration ssePollInterval() {
                return Duration.ofMillis(500);
            }

            public Optional<Set<String>> allowedHosts() {
                return Optional.empty();
            }
        };
    }
}
