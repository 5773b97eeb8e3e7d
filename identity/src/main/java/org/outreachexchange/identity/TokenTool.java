package org.outreachexchange.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.outreachexchange.identity.partners.FoundingPartners;
import org.outreachexchange.identity.partners.KeyPurpose;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;
import java.time.Clock;
import java.time.Duration;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operators' command line for agency identities and the exchange log.
 * <pre>
 *   keygen --government JP --dir keys/ [--purpose events]   writes keys/JP.key (keep secret) and keys/JP.pub,
 *                                                           or keys/JP-events.key and keys/JP-events.pub
 *   issue  --government JP --agency METI --key keys/JP.key [--key-id 2026b] [--roles planner,evaluator] [--subject analyst]
 *          [--ttl-hours 12]                              the token's kid is JP:2026b (JP alone without --key-id)
 *   init   --partners partners.json --keys keys/ --key-id 2008a   the founding partners (JP, US, AU with the 2008 role
 *                                               sharing) from keys/JP.pub, keys/JP-events.pub ... as keygen wrote them
 *   rotate --partners partners.json --government JP --key-id 2026b --dir keys/ [--purpose events] [--retire KEYID --at INSTANT]
 *                                               writes keys/JP-2026b.key and .pub (JP-events-2026b for events) and lists
 *                                               the new key in the partners document beside the old ones
 *   retire --partners partners.json --government JP --key-id 2008a [--purpose events] [--at INSTANT]   (default: now)
 *   join   --partners partners.json --government KR --name "Republic of Korea" --key-id 2026a --dir keys/
 *                                               a new partner with a token key and an event key, leading nothing yet
 *   public --key keys/JP.pub                    prints the base64 value for outreach.identity.public-keys.JP
 *   fetch-log --url http://gateway:8120 --token TOKEN [--government JP] --out log.ndjson
 *   verify-log --log log.ndjson --public-key JP=keys/JP-events.pub [--public-key JP=keys/JP-events-2026b.pub] [--public-key US=...] [--head JP=21]
 * </pre>
 */
public final class TokenTool {

    private TokenTool() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command as {@code main} does, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            err.println("usage: keygen --government GOV --dir DIR [--purpose events]"
                    + " | issue --government GOV --agency NAME --key FILE [--key-id ID] [--roles planner,evaluator,coordinator]"
                    + " [--subject NAME] [--ttl-hours H]"
                    + " | init --partners FILE --keys DIR --key-id ID"
                    + " | rotate --partners FILE --government GOV --key-id ID --dir DIR [--purpose events] [--retire ID --at INSTANT]"
                    + " | retire --partners FILE --government GOV --key-id ID [--purpose events] [--at INSTANT]"
                    + " | join --partners FILE --government GOV --name NAME --key-id ID --dir DIR"
                    + " | public --key FILE"
                    + " | fetch-log --url GATEWAY --token TOKEN [--government GOV] --out FILE"
                    + " | verify-log --log FILE --public-key GOV=FILE... [--head GOV=SEQ...]");
            return 2;
        }
        try {
            Map<String, List<String>> options = options(args);
            switch (args[0]) {
                case "keygen" -> {
                    String government = required(options, "government");
                    String purpose = optional(options, "purpose");
                    if (purpose != null && !purpose.equals("events")) {
                        throw new IllegalArgumentException("--purpose is events (event signing) or left out (agency tokens)");
                    }
                    String name = purpose == null ? government : government + "-events";
                    Path dir = Path.of(required(options, "dir"));
                    Files.createDirectories(dir);
                    KeyPair pair = AgencyKeys.generate();
                    Files.writeString(dir.resolve(name + ".key"), AgencyKeys.toPem(pair.getPrivate()));
                    Files.writeString(dir.resolve(name + ".pub"), AgencyKeys.toPem(pair.getPublic()));
                    out.println(AgencyKeys.encodePublic(pair.getPublic()));
                }
                case "issue" -> {
                    String ttl = optional(options, "ttl-hours");
                    long hours = Long.parseLong(ttl == null ? "12" : ttl);
                    out.println(AgencyTokens.issue(AgencyKeys.readPrivate(Path.of(required(options, "key"))),
                            optional(options, "key-id"), required(options, "government"), required(options, "agency"), optional(options, "subject"),
                            roles(optional(options, "roles")), Duration.ofHours(hours), Clock.systemUTC()));
                }
                case "public" -> out.println(AgencyKeys.encodePublic(AgencyKeys.readPublic(Path.of(required(options, "key")))));
                case "fetch-log" -> {
                    Path file = Path.of(required(options, "out"));
                    int entries = ExchangeLogDownload.fetch(required(options, "url"), required(options, "token"),
                            optional(options, "government"), file);
                    out.println(entries + " entries written to " + file);
                }
                case "init" -> {
                    Path file = Path.of(required(options, "partners"));
                    if (Files.exists(file)) {
                        throw new IllegalArgumentException(file + " exists; change it with rotate, retire and join");
                    }
                    Path keys = Path.of(required(options, "keys"));
                    String keyId = required(options, "key-id");
                    PartnersDocument founding = FoundingPartners.document(
                            g -> PartnerKey.of(keyId, readPublic(keys.resolve(g + ".pub"))),
                            g -> PartnerKey.of(keyId, readPublic(keys.resolve(g + "-events.pub"))));
                    PartnersFile.write(file, founding);
                    out.println(file + " version 1: " + founding.governments());
                }
                case "rotate" -> rotate(options, out);
                case "retire" -> {
                    Path file = Path.of(required(options, "partners"));
                    PartnersDocument next = PartnersFile.read(file).retiringKey(required(options, "government"),
                            purpose(options), required(options, "key-id"), at(options));
                    PartnersFile.write(file, next);
                    out.println(file + " version " + next.version() + ": " + required(options, "government") + ":"
                            + required(options, "key-id") + " retires at " + at(options));
                }
                case "join" -> join(options, out);
                case "verify-log" -> {
                    return verifyLog(options, out);
                }
                default -> {
                    err.println("unknown command " + args[0]);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** A new key beside the government's others: accepted from the services' next look at the document. */
    private static void rotate(Map<String, List<String>> options, PrintStream out) throws IOException {
        Path file = Path.of(required(options, "partners"));
        String government = required(options, "government");
        String keyId = required(options, "key-id");
        KeyPurpose purpose = purpose(options);
        PartnersDocument current = PartnersFile.read(file);
        if (current.partner(government).isEmpty()) {
            throw new IllegalArgumentException(government + " is not a partner in " + file + "; use join");
        }
        KeyPair pair = writeKeyPair(Path.of(required(options, "dir")),
                government + (purpose == KeyPurpose.EVENTS ? "-events-" : "-") + keyId);
        PartnersDocument next = current.addingKey(government, purpose, PartnerKey.of(keyId, pair.getPublic()));
        String retire = optional(options, "retire");
        if (retire != null) {
            next = next.retiringKey(government, purpose, retire, at(options));
            next = new PartnersDocument(current.version() + 1, next.partners());
        }
        PartnersFile.write(file, next);
        out.println(file + " version " + next.version() + ": " + government + " " + purpose.name().toLowerCase()
                + " keys " + purpose.of(next.partner(government).orElseThrow()).stream().map(k -> k.id()
                + (k.retires() == null ? "" : " (retires " + k.retires() + ")")).toList());
    }

    /** A new partner, leading nothing until the partners decide its share of the roles. */
    private static void join(Map<String, List<String>> options, PrintStream out) throws IOException {
        Path file = Path.of(required(options, "partners"));
        String government = required(options, "government");
        String keyId = required(options, "key-id");
        PartnersDocument current = PartnersFile.read(file);
        if (current.partner(government).isPresent()) {
            throw new IllegalArgumentException(government + " is already a partner in " + file + "; use rotate");
        }
        Path dir = Path.of(required(options, "dir"));
        KeyPair tokens = writeKeyPair(dir, government + "-" + keyId);
        KeyPair events = writeKeyPair(dir, government + "-events-" + keyId);
        PartnersDocument next = current.withPartner(new Partner(government, required(options, "name"),
                Partner.topicOf(government), Clock.systemUTC().instant(), List.of(PartnerKey.of(keyId, tokens.getPublic())),
                List.of(PartnerKey.of(keyId, events.getPublic())), Map.of()));
        PartnersFile.write(file, next);
        out.println(file + " version " + next.version() + ": " + government + " joins " + next.governments());
    }

    private static PublicKey readPublic(Path file) {
        try {
            return AgencyKeys.readPublic(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (write it with keygen): " + e.getMessage(), e);
        }
    }

    private static KeyPair writeKeyPair(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(name + ".key"))) {
            throw new IllegalArgumentException(dir.resolve(name + ".key") + " exists; choose another --key-id");
        }
        KeyPair pair = AgencyKeys.generate();
        Files.writeString(dir.resolve(name + ".key"), AgencyKeys.toPem(pair.getPrivate()));
        Files.writeString(dir.resolve(name + ".pub"), AgencyKeys.toPem(pair.getPublic()));
        return pair;
    }

    private static KeyPurpose purpose(Map<String, List<String>> options) {
        String purpose = optional(options, "purpose");
        if (purpose != null && !purpose.equals("events")) {
            throw new IllegalArgumentException("--purpose is events (event signing) or left out (agency tokens)");
        }
        return purpose == null ? KeyPurpose.TOKENS : KeyPurpose.EVENTS;
    }

    private static Instant at(Map<String, List<String>> options) {
        String at = optional(options, "at");
        try {
            return at == null ? Clock.systemUTC().instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at takes an instant such as 2026-12-31T00:00:00Z, got " + at);
        }
    }

    /** Exit 0 when every chain in the log verifies, 1 with each problem located otherwise. */
    private static int verifyLog(Map<String, List<String>> options, PrintStream out) throws IOException {
        List<ExchangeLog.Entry> entries = ExchangeLog.read(Files.readString(Path.of(required(options, "log"))));
        Map<String, List<PublicKey>> keys = new TreeMap<>();
        for (String pair : options.getOrDefault("public-key", List.of())) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--public-key takes GOV=FILE, got " + pair);
            }
            keys.computeIfAbsent(pair.substring(0, eq), g -> new ArrayList<>()).add(AgencyKeys.readPublic(Path.of(pair.substring(eq + 1))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("--public-key GOV=FILE is required for each government in the log (once per key it sealed with)");
        }
        Map<String, Long> heads = new TreeMap<>();
        for (String pair : options.getOrDefault("head", List.of())) {
            int eq = pair.indexOf('=');
            if (eq < 1 || !pair.substring(eq + 1).matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("--head takes GOV=SEQUENCE, got " + pair);
            }
            heads.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        ExchangeLog.Report report = ExchangeLog.verifyWithKeyRings(entries, keys, heads);
        report.entries().forEach((government, count) -> out.println(government + ": " + count + " entries verified"));
        report.problems().forEach(problem -> out.println("PROBLEM " + problem));
        out.println(report.intact() ? "intact" : report.problems().size() + " problem(s) found");
        return report.intact() ? 0 : 1;
    }

    private static Set<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (list != null) {
            for (String name : list.split(",")) {
                roles.add(Role.ofClaim(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                        "--roles takes reader, planner, evaluator and coordinator, got " + name)));
            }
        }
        return roles;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }

    private static String optional(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    private static String required(Map<String, List<String>> options, String name) {
        String value = optional(options, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
