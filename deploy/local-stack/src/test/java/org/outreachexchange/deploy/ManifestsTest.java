package org.outreachexchange.deploy;

import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing here can run the Kubernetes manifests or the Compose file, so this checks what can be checked: every
 * document parses, every setting they give a service is one the service reads, and ports, topics, databases and
 * Kafka ACLs agree with the services' code and with each other.
 */
class ManifestsTest {

    /** The checkout this module belongs to (Surefire runs in the module's directory). */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path COMPOSE = ROOT.resolve("deploy/compose/docker-compose.yml");
    private static final List<String> MODULES = List.of("scheduling-service", "evaluation-service", "exchange-gateway");
    private static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)=(\\S*)");
    private static final YAMLMapper YAML = new YAMLMapper();

    private static List<JsonNode> k8s;
    private static JsonNode compose;
    private static Map<String, Properties> defaults;

    @BeforeAll
    static void parseEverything() throws IOException {
        k8s = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                k8s.addAll(documents(file));
            }
        }
        compose = documents(COMPOSE).get(0);
        defaults = new LinkedHashMap<>();
        for (String module : MODULES) {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"))));
            defaults.put(module, properties);
        }
    }

    @Test
    void everyManifestDocumentParsesAndNamesItsKind() {
        assertThat(k8s).hasSizeGreaterThan(20);
        assertThat(k8s).allSatisfy(doc -> {
            assertThat(doc.path("apiVersion").asText()).isNotBlank();
            assertThat(doc.path("kind").asText()).isNotBlank();
            assertThat(doc.path("metadata").path("name").asText()).isNotBlank();
        });
        assertThat(compose.path("services").size()).isEqualTo(8);
    }

    @Test
    void kustomizationListsEveryManifestFile() throws IOException {
        JsonNode kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(K8S)) {
            assertThat(listed).isEqualTo(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    @Test
    void everySettingTheKubernetesManifestsGiveAServiceIsOneItReads() {
        List<JsonNode> deployments = kind("Deployment");
        assertThat(deployments).hasSize(5);
        for (JsonNode deployment : deployments) {
            String module = module(deployment);
            settings(deployment).keySet().forEach(key -> assertThat(isKnown(module, key))
                    .as("%s sets %s, which %s does not read", name(deployment), key, module).isTrue());
        }
    }

    @Test
    void everySettingTheComposeFileGivesAServiceIsOneItReads() {
        Map<String, JsonNode> services = composeServices();
        assertThat(services).hasSize(5);
        services.forEach((name, service) -> {
            String module = service.path("build").path("args").path("MODULE").asText();
            composeSettings(module, service).keySet().forEach(key -> assertThat(isKnown(module, key))
                    .as("compose service %s sets %s, which %s does not read", name, key, module).isTrue());
        });
    }

    @Test
    void kubernetesPortsAndProbesAgreeWithTheServices() {
        for (JsonNode deployment : kind("Deployment")) {
            String module = module(deployment);
            JsonNode container = container(deployment);
            int containerPort = container.path("ports").get(0).path("containerPort").asInt();
            assertThat(containerPort).as(name(deployment)).isEqualTo(effectivePort(module, settings(deployment)));
            JsonNode management = container.path("ports").get(1);
            assertThat(management.path("name").asText()).isEqualTo("management");
            assertThat(management.path("containerPort").asInt()).as(name(deployment))
                    .isEqualTo(effectiveManagementPort(module, settings(deployment)));
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
            }
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            JsonNode service = named("Service", name(deployment));
            assertThat(service.path("spec").path("ports")).as("the Service exposes the API port only").hasSize(1);
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(containerPort);
            assertThat(service.path("spec").path("selector")).isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        }
    }

    @Test
    void composePortsAreTheLocalStacksPorts() {
        Map<String, Integer> expected = Map.of("scheduling-jp", 8101, "scheduling-us", 8102, "scheduling-au", 8103,
                "evaluation-service", StackLayout.EVALUATION_PORT, "exchange-gateway", StackLayout.GATEWAY_PORT);
        assertThat(StackLayout.schedulingPort(StackLayout.GOVERNMENTS.indexOf("JP"))).isEqualTo(8101);
        composeServices().forEach((name, service) -> {
            String module = service.path("build").path("args").path("MODULE").asText();
            int port = effectivePort(module, composeSettings(module, service));
            assertThat(service.path("ports").get(0).asText()).as(name).isEqualTo(expected.get(name) + ":" + port);
            int management = effectiveManagementPort(module, composeSettings(module, service));
            assertThat(service.path("ports").get(1).asText()).as(name)
                    .isEqualTo("127.0.0.1:" + (expected.get(name) + ServiceSpec.MANAGEMENT_PORT_OFFSET) + ":" + management);
        });
        assertThat(compose.path("services").path("kafka").path("ports").get(0).asText()).isEqualTo(StackLayout.KAFKA_PORT + ":" + StackLayout.KAFKA_PORT);
        assertThat(compose.path("services").path("postgres").path("ports").get(0).asText()).isEqualTo(StackLayout.POSTGRES_PORT + ":5432");
    }

    @Test
    void eachGovernmentsDeploymentPublishesToItsOwnTopic() {
        for (String government : StackLayout.GOVERNMENTS) {
            String lower = government.toLowerCase(Locale.ROOT);
            Map<String, String> settings = settings(named("Deployment", "scheduling-" + lower));
            assertThat(settings).containsEntry("outreach.scheduling.government", government)
                    .containsEntry("mp.messaging.outgoing.outbox-events.topic", "outreach.activities." + lower);
            Map<String, String> composed = composeSettings("scheduling-service", composeServices().get("scheduling-" + lower));
            assertThat(composed).containsEntry("outreach.scheduling.government", government)
                    .containsEntry("mp.messaging.outgoing.outbox-events.topic", "outreach.activities." + lower);
        }
    }

    @Test
    void topicsAgreeWithTheServicesConfiguredTopics() {
        Set<String> kafkaTopics = kind("KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> composeTopics = new TreeSet<>();
        Matcher m = Pattern.compile("--topic (\\S+)").matcher(compose.path("services").path("kafka-topics").path("command").get(0).asText());
        while (m.find()) {
            composeTopics.add(m.group(1));
        }
        Set<String> stackTopics = new TreeSet<>(StackLayout.SHARED_TOPICS);
        StackLayout.GOVERNMENTS.forEach(g -> stackTopics.add(Partner.topicOf(g)));
        assertThat(kafkaTopics).isEqualTo(composeTopics).isEqualTo(stackTopics);

        Set<String> used = new TreeSet<>();
        for (String module : MODULES) {
            defaults.get(module).stringPropertyNames().stream()
                    .filter(k -> !k.startsWith("%"))
                    .filter(k -> k.endsWith(".topic") && k.startsWith("mp.messaging."))
                    .forEach(k -> {
                        String topic = defaults.get(module).getProperty(k);
                        if ("true".equals(defaults.get(module).getProperty(k.replace(".topic", ".pattern")))) {
                            Pattern pattern = Pattern.compile(topic);
                            assertThat(StackLayout.GOVERNMENTS).allSatisfy(g ->
                                    assertThat(pattern.matcher("outreach.activities." + g.toLowerCase(Locale.ROOT)).matches()).isTrue());
                        } else if (!module.equals("scheduling-service")) {
                            used.add(topic);
                        }
                    });
        }
        StackLayout.GOVERNMENTS.forEach(g -> used.add("outreach.activities." + g.toLowerCase(Locale.ROOT)));
        assertThat(kafkaTopics).isEqualTo(used);
    }

    @Test
    void activityTopicsKeepTheChainInOrderAndAreStampedByTheBroker() {
        for (String government : StackLayout.GOVERNMENTS) {
            String topic = "outreach.activities." + government.toLowerCase(Locale.ROOT);
            JsonNode spec = kind("KafkaTopic").stream().filter(t -> t.path("spec").path("topicName").asText().equals(topic))
                    .findFirst().orElseThrow().path("spec");
            assertThat(spec.path("partitions").asInt()).as(topic).isEqualTo(1);
            assertThat(spec.path("config").path("message.timestamp.type").asText()).as(topic).isEqualTo("LogAppendTime");
            assertThat(compose.path("services").path("kafka-topics").path("command").get(0).asText())
                    .contains("--partitions 1 --replication-factor 1 --config message.timestamp.type=LogAppendTime"
                            + " --config retention.ms=-1 --topic " + topic);
        }
    }

    @Test
    void everyServiceReadsTheOnePartnersDocumentAndEachSchedulingServiceSealsWithItsOwnKey() {
        for (JsonNode deployment : kind("Deployment")) {
            Map<String, String> settings = settings(deployment);
            assertThat(settings).as(name(deployment)).containsEntry("outreach.partners.file", PARTNERS_FILE)
                    .doesNotContainKeys(StackLayout.GOVERNMENTS.stream().map(g -> "outreach.identity.public-keys." + g)
                            .toArray(String[]::new));
            JsonNode podSpec = deployment.path("spec").path("template").path("spec");
            assertThat(podSpec.path("volumes").findValuesAsText("name")).as(name(deployment)).contains("partners");
            assertThat(podSpec.path("volumes").toString()).contains("\"name\":\"outreach-partners\"");
            assertThat(container(deployment).path("volumeMounts").toString()).as(name(deployment))
                    .contains("\"mountPath\":\"/etc/outreach/partners\"").doesNotContain("subPath");
            if (module(deployment).equals("scheduling-service")) {
                assertThat(container(deployment).path("env").toString()).as(name(deployment))
                        .contains("\"OUTREACH_EVENT_SIGNING_PRIVATE_KEY\"").contains(name(deployment) + "-event-key");
            }
        }
        composeServices().forEach((name, service) -> {
            String module = service.path("build").path("args").path("MODULE").asText();
            Map<String, String> settings = composeSettings(module, service);
            assertThat(settings).as(name).containsEntry("outreach.partners.file", PARTNERS_FILE);
            assertThat(service.path("volumes").get(0).asText()).as(name).isEqualTo("../k8s/partners:/etc/outreach/partners:ro");
            if (module.equals("scheduling-service")) {
                assertThat(settings).as(name).containsKey("outreach.event-signing.private-key");
            }
        });
    }

    @Test
    void eachGovernmentsKafkaUserMayWriteOnlyItsOwnActivityTopic() {
        for (String government : StackLayout.GOVERNMENTS) {
            String lower = government.toLowerCase(Locale.ROOT);
            JsonNode user = named("KafkaUser", "scheduling-" + lower);
            assertThat(writableTopics(user)).containsExactly("literal:outreach.activities." + lower);
        }
        for (String shared : List.of("evaluation-service", "exchange-gateway")) {
            assertThat(writableTopics(named("KafkaUser", shared))).noneMatch(t -> t.contains("outreach.activities"));
        }
    }

    @Test
    void everyDeploymentUsesAKafkaUserAllowedToWriteWhatItSends() {
        for (JsonNode deployment : kind("Deployment")) {
            String module = module(deployment);
            Map<String, String> settings = settings(deployment);
            String userName = secretRef(deployment, "KAFKA_SASL_JAAS_CONFIG");
            Set<String> writable = writableTopics(named("KafkaUser", userName));
            Properties merged = new Properties();
            merged.putAll(defaults.get(module));
            settings.forEach((k, v) -> merged.setProperty(k, v == null ? "(from a secret)" : v));
            merged.stringPropertyNames().stream()
                    .filter(k -> k.startsWith("mp.messaging.outgoing.") && k.endsWith(".topic") || k.endsWith(".dead-letter-queue.topic"))
                    .map(merged::getProperty)
                    .forEach(topic -> assertThat(writable).as("%s sends to %s", name(deployment), topic).contains("literal:" + topic));
        }
    }

    @Test
    void everyDeploymentUsesItsOwnPostgresClusterAndDatabase() {
        Map<String, String> databases = new LinkedHashMap<>();
        kind("Cluster").forEach(c -> databases.put(c.path("metadata").path("name").asText(),
                c.path("spec").path("bootstrap").path("initdb").path("database").asText()));
        assertThat(new TreeSet<>(databases.values()))
                .isEqualTo(new TreeSet<>(ServiceSpec.all(new StackLayout(Path.of("."), 0)).stream().map(ServiceSpec::database).toList()));
        Set<String> clustersUsed = new HashSet<>();
        for (JsonNode deployment : kind("Deployment")) {
            String url = settings(deployment).get("quarkus.datasource.jdbc.url");
            Matcher m = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/(\\w+)").matcher(url);
            assertThat(m.matches()).as(url).isTrue();
            assertThat(databases).containsEntry(m.group(1), m.group(2));
            assertThat(secretRef(deployment, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(m.group(1) + "-app");
            assertThat(clustersUsed.add(m.group(1))).as("one cluster per service, %s used twice", m.group(1)).isTrue();
        }
    }

    /** Where every service finds the partners document: the ConfigMap (k8s) or directory (Compose) mounted there. */
    private static final String PARTNERS_FILE = "/etc/outreach/partners/partners.json";
    /** Read by the identity module's PartnersConfig in every service, with no value in their application.properties. */
    private static final Set<String> IDENTITY_SETTINGS = Set.of("outreach.partners.file");

    @Test
    void thePartnersDocumentListsExactlyTheGovernmentsDeployedWithTheirTopicsAndTheFoundingRoleSharing() throws IOException {
        JsonNode document = YAML.readTree(Files.readString(K8S.resolve("partners/partners.json")));
        PartnersDocument founding = FoundingPartners.document(
                g -> PartnerKey.of("2008a", org.outreachexchange.identity.AgencyKeys.generate().getPublic()),
                g -> PartnerKey.of("2008a", org.outreachexchange.identity.AgencyKeys.generate().getPublic()));
        List<String> governments = document.path("partners").findValuesAsText("government");

        assertThat(governments).isEqualTo(StackLayout.GOVERNMENTS).isEqualTo(founding.governments());
        for (JsonNode partner : document.path("partners")) {
            String government = partner.path("government").asText();
            String lower = government.toLowerCase(Locale.ROOT);
            assertThat(partner.path("topic").asText()).isEqualTo(Partner.topicOf(government));
            assertThat(partner.path("leads")).as(government)
                    .isEqualTo(YAML.readTree(founding.toJson()).path("partners").get(governments.indexOf(government)).path("leads"));
            named("Deployment", "scheduling-" + lower);
            named("KafkaUser", "scheduling-" + lower);
            assertThat(composeServices()).containsKey("scheduling-" + lower);
        }
        assertThat(kind("Deployment").stream().filter(d -> module(d).equals("scheduling-service")).map(ManifestsTest::name))
                .containsExactlyInAnyOrderElementsOf(governments.stream().map(g -> "scheduling-" + g.toLowerCase(Locale.ROOT)).toList());
        assertThat(composeServices().keySet().stream().filter(n -> n.startsWith("scheduling-")))
                .containsExactlyInAnyOrderElementsOf(governments.stream().map(g -> "scheduling-" + g.toLowerCase(Locale.ROOT)).toList());
        JsonNode kustomization = YAML.readTree(Files.readString(K8S.resolve("kustomization.yaml")));
        assertThat(kustomization.path("configMapGenerator").get(0).path("name").asText()).isEqualTo("outreach-partners");
        assertThat(kustomization.path("configMapGenerator").get(0).path("files").get(0).asText()).isEqualTo("partners/partners.json");
    }

    /** Settings a module reads that have, rightly, no value in its application.properties. */
    private static final Map<String, Set<String>> SECRETS = Map.of("scheduling-service", Set.of("outreach.event-signing.private-key"));

    private static boolean isKnown(String module, String key) {
        if (defaults.get(module).containsKey(key) || SECRETS.getOrDefault(module, Set.of()).contains(key)
                || IDENTITY_SETTINGS.contains(key)) {
            return true;
        }
        // Connection settings (TLS, SASL) that Quarkus passes to every Kafka client; checked against the client itself.
        return key.startsWith("kafka.") && KAFKA_CLIENT_SETTINGS.contains(key.substring("kafka.".length()));
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> both = new HashSet<>(ProducerConfig.configNames());
        both.retainAll(ConsumerConfig.configNames());
        return both;
    }

    /** The properties a Deployment sets: its mounted application.properties, then MicroProfile-named env vars. */
    private static Map<String, String> settings(JsonNode deployment) {
        String module = module(deployment);
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode config = named("ConfigMap", name(deployment) + "-config");
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(config.path("data").path("application.properties").asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k)));
        container(deployment).path("env").forEach(env -> {
            String key = propertyForEnv(module, env.path("name").asText());
            settings.put(key, env.path("value").asText(null));
        });
        return settings;
    }

    private static Map<String, String> composeSettings(String module, JsonNode service) {
        Map<String, String> settings = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().equals("JAVA_OPTS")) {
                Matcher m = SYSTEM_PROPERTY.matcher(e.getValue().asText());
                while (m.find()) {
                    settings.put(m.group(1), m.group(2));
                }
            } else {
                settings.put(propertyForEnv(module, e.getKey()), e.getValue().asText());
            }
        });
        return settings;
    }

    /**
     * The property an environment variable sets, the MicroProfile way (non-alphanumerics become _, upper case);
     * a name no known property converts to is returned in its lower-case dotted form, which then fails the check.
     */
    private static String propertyForEnv(String module, String env) {
        Set<String> candidates = new TreeSet<>(defaults.get(module).stringPropertyNames());
        candidates.addAll(SECRETS.getOrDefault(module, Set.of()));
        candidates.addAll(IDENTITY_SETTINGS);
        KAFKA_CLIENT_SETTINGS.forEach(s -> candidates.add("kafka." + s));
        return candidates.stream().filter(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT).equals(env))
                .findFirst().orElse(env.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static int effectivePort(String module, Map<String, String> settings) {
        return Integer.parseInt(settings.getOrDefault("quarkus.http.port", defaults.get(module).getProperty("quarkus.http.port")));
    }

    private static int effectiveManagementPort(String module, Map<String, String> settings) {
        return Integer.parseInt(settings.getOrDefault("quarkus.management.port",
                defaults.get(module).getProperty("quarkus.management.port")));
    }

    private static Set<String> writableTopics(JsonNode user) {
        Set<String> topics = new TreeSet<>();
        user.path("spec").path("authorization").path("acls").forEach(acl -> {
            JsonNode resource = acl.path("resource");
            boolean writes = false;
            for (JsonNode op : acl.path("operations")) {
                writes |= Set.of("Write", "All", "Create").contains(op.asText());
            }
            if (writes && resource.path("type").asText().equals("topic")) {
                topics.add(resource.path("patternType").asText("literal") + ":" + resource.path("name").asText());
            }
        });
        return topics;
    }

    private static String secretRef(JsonNode deployment, String env) {
        for (JsonNode e : container(deployment).path("env")) {
            if (e.path("name").asText().equals(env)) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        throw new AssertionError(name(deployment) + " has no env " + env);
    }

    private static Map<String, JsonNode> composeServices() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (e.getValue().has("build")) {
                services.put(e.getKey(), e.getValue());
            }
        });
        return services;
    }

    private static String module(JsonNode deployment) {
        String module = container(deployment).path("name").asText();
        assertThat(MODULES).as("container of %s", name(deployment)).contains(module);
        return module;
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    private static List<JsonNode> kind(String kind) {
        return k8s.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode named(String kind, String name) {
        return kind(kind).stream().filter(d -> name(d).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
        }
    }
}
