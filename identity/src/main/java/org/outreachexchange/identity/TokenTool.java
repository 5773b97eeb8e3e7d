package org.outreachexchange.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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
 *   issue  --government JP --agency METI --key keys/JP.key [--roles planner,evaluator] [--subject analyst] [--ttl-hours 12]
 *   public --key keys/JP.pub                    prints the base64 value for outreach.identity.public-keys.JP
 *   fetch-log --url http://gateway:8120 --token TOKEN [--government JP] --out log.ndjson
 *   verify-log --log log.ndjson --public-key JP=keys/JP-events.pub [--public-key US=...] [--head JP=21]
 * </pre>
 */
public final class TokenTool {

    private TokenTool() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            err.println("usage: keygen --government GOV --dir DIR [--purpose events]"
                    + " | issue --government GOV --agency NAME --key FILE [--roles planner,evaluator,coordinator] [--subject NAME]"
                    + " [--ttl-hours H]"
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
                            required(options, "government"), required(options, "agency"), optional(options, "subject"),
                            roles(optional(options, "roles")), Duration.ofHours(hours), Clock.systemUTC()));
                }
                case "public" -> out.println(AgencyKeys.encodePublic(AgencyKeys.readPublic(Path.of(required(options, "key")))));
                case "fetch-log" -> {
                    Path file = Path.of(required(options, "out"));
                    int entries = ExchangeLogDownload.fetch(required(options, "url"), required(options, "token"),
                            optional(options, "government"), file);
                    out.println(entries + " entries written to " + file);
                }
                case "verify-log" -> {
                    return verifyLog(options, out);
                }
                default -> {
                    err.println("unknown command " + args[0]);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** Exit 0 when every chain in the log verifies, 1 with each problem located otherwise. */
    private static int verifyLog(Map<String, List<String>> options, PrintStream out) throws IOException {
        List<ExchangeLog.Entry> entries = ExchangeLog.read(Files.readString(Path.of(required(options, "log"))));
        Map<String, PublicKey> keys = new TreeMap<>();
        for (String pair : options.getOrDefault("public-key", List.of())) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--public-key takes GOV=FILE, got " + pair);
            }
            keys.put(pair.substring(0, eq), AgencyKeys.readPublic(Path.of(pair.substring(eq + 1))));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("--public-key GOV=FILE is required, once per government in the log");
        }
        Map<String, Long> heads = new TreeMap<>();
        for (String pair : options.getOrDefault("head", List.of())) {
            int eq = pair.indexOf('=');
            if (eq < 1 || !pair.substring(eq + 1).matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("--head takes GOV=SEQUENCE, got " + pair);
            }
            heads.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        ExchangeLog.Report report = ExchangeLog.verify(entries, keys, heads);
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
