package org.outreachexchange.gateway;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.outreachexchange.gateway.service.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's resolver in tests: names a test scripts resolve as it says, as a DNS server under the partner's (or an
 * attacker's) control would answer at that moment, and every look-up of them is counted; any other name goes to the
 * JVM's resolver. Static, because the test code and the application share it.
 */
@Alternative
@Priority(1)
@Singleton
public class ScriptedResolver implements HostResolver {

    private static final Map<String, List<String>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to these address literals. */
    public static void answer(String host, String... addresses) {
        ANSWERS.put(host, List.of(addresses));
    }

    /** How often the gateway looked {@code host} up. */
    public static int lookups(String host) {
        AtomicInteger count = LOOKUPS.get(host);
        return count == null ? 0 : count.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> answer = ANSWERS.get(host);
        if (answer == null) {
            return List.of(InetAddress.getAllByName(host));
        }
        LOOKUPS.computeIfAbsent(host, name -> new AtomicInteger()).incrementAndGet();
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : answer) {
            addresses.add(InetAddress.getByName(literal));
        }
        return addresses;
    }
}
