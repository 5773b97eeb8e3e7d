package org.outreachexchange.evaluation.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Refuses to start with a setting that was renamed: left in place it would be ignored silently, and a deployment that
 * set the old adoption rule would run under the default instead of the rule its partners agreed.
 */
@ApplicationScoped
class RenamedSettings {

    static final Map<String, String> RENAMED = new TreeMap<>(Map.of(
            "outreach.evaluation.assessments.adoption", "outreach.evaluation.proposals.adoption"));

    void onStart(@Observes StartupEvent event) {
        check(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).isPresent());
    }

    static void check(Predicate<String> isSet) {
        List<String> stale = RENAMED.entrySet().stream().filter(e -> isSet.test(e.getKey()))
                .map(e -> e.getKey() + " is now " + e.getValue()).toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("renamed settings still set: " + String.join("; ", stale));
        }
    }
}
