package org.outreachexchange.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Operators' command line for agency identities.
 * <pre>
 *   keygen --government JP --dir keys/          writes keys/JP.key (keep secret) and keys/JP.pub
 *   issue  --government JP --agency METI --key keys/JP.key [--subject analyst] [--ttl-hours 12]
 *   public --key keys/JP.pub                    prints the base64 value for outreach.identity.public-keys.JP
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
            err.println("usage: keygen --government GOV --dir DIR | issue --government GOV --agency NAME --key FILE"
                    + " [--subject NAME] [--ttl-hours H] | public --key FILE");
            return 2;
        }
        Map<String, String> options = options(args);
        try {
            switch (args[0]) {
                case "keygen" -> {
                    String government = required(options, "government");
                    Path dir = Path.of(required(options, "dir"));
                    Files.createDirectories(dir);
                    KeyPair pair = AgencyKeys.generate();
                    Files.writeString(dir.resolve(government + ".key"), AgencyKeys.toPem(pair.getPrivate()));
                    Files.writeString(dir.resolve(government + ".pub"), AgencyKeys.toPem(pair.getPublic()));
                    out.println(AgencyKeys.encodePublic(pair.getPublic()));
                }
                case "issue" -> {
                    long hours = Long.parseLong(options.getOrDefault("ttl-hours", "12"));
                    out.println(AgencyTokens.issue(AgencyKeys.readPrivate(Path.of(required(options, "key"))),
                            required(options, "government"), required(options, "agency"), options.get("subject"),
                            Duration.ofHours(hours), Clock.systemUTC()));
                }
                case "public" -> out.println(AgencyKeys.encodePublic(AgencyKeys.readPublic(Path.of(required(options, "key")))));
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
