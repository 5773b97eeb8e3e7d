package org.outreachexchange.infra;

import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Changes the partners document of a running service under test ({@code outreach.partners.file}, written by
 * {@link TestAgencies#partnersConfig()}) and waits until the service has taken the new version, as a government
 * joining or rotating a key would. Tests that change it restore it, since the service is shared by the test classes
 * with the same test resource.
 */
public final class TestPartners {

    private TestPartners() {
    }

    /**
     * Writes {@code next} and waits until {@code current} (the service's {@code Partners::current}) has its version.
     */
    public static PartnersDocument publish(String file, PartnersDocument next, Supplier<PartnersDocument> current) {
        PartnersFile.write(Path.of(file), next);
        await().atMost(Duration.ofSeconds(30)).until(() -> current.get().version() == next.version());
        return next;
    }

    /** The test partners as they started (every test key listed, none retired) in a newer version. */
    public static void restore(String file, Supplier<PartnersDocument> current) {
        publish(file, new PartnersDocument(current.get().version() + 1, TestAgencies.partnersDocument().partners()), current);
    }
}
