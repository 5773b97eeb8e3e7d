package org.outreachexchange.identity.quarkus;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.outreachexchange.identity.AgencyKeys;
import org.outreachexchange.identity.partners.KeyPurpose;
import org.outreachexchange.identity.partners.KeyRing;
import org.outreachexchange.identity.partners.Partner;
import org.outreachexchange.identity.partners.PartnerKey;
import org.outreachexchange.identity.partners.PartnersDocument;
import org.outreachexchange.identity.partners.PartnersFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The partners document this service works with: {@link #current()} is the latest valid version of the file named by
 * {@code outreach.partners.file}, read again every {@code outreach.partners.check-interval}. A newer valid version
 * replaces it and fires {@link PartnersChanged}; a broken or older one is logged and the current one kept.
 */
@Startup
@ApplicationScoped
public class Partners {

    private static final Logger LOG = Logger.getLogger(Partners.class);
    private static final String EVENT_KEYS = "outreach.event-signing.public-keys.";

    /** A document with its keys decoded, swapped as one so no reader sees keys of one version and partners of another. */
    private record Snapshot(PartnersDocument document, KeyRing tokenKeys, KeyRing eventKeys) {
        static Snapshot of(PartnersDocument document) {
            return new Snapshot(document, KeyRing.of(document, KeyPurpose.TOKENS), KeyRing.of(document, KeyPurpose.EVENTS));
        }
    }

    private final Optional<PartnersFile> file;
    private final Event<PartnersChanged> changed;
    private final ScheduledExecutorService checks;
    private volatile Snapshot snapshot;

    @Inject
    Partners(PartnersConfig config, IdentityConfig identity, Config all, Event<PartnersChanged> changed) {
        this.changed = changed;
        this.file = config.file().map(name -> new PartnersFile(Path.of(name)));
        this.snapshot = Snapshot.of(file.map(PartnersFile::current).orElseGet(() -> fromKeySettings(identity, all)));
        if (file.isPresent()) {
            checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "partners-document");
                thread.setDaemon(true);
                return thread;
            });
            long every = config.checkInterval().toMillis();
            checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
            LOG.infof("partners document %s version %d: %s", file.get().path(), snapshot.document().version(),
                    snapshot.document().governments());
        } else {
            checks = null;
        }
    }

    /** A fixed document, for pure tests of the classes that use this bean. */
    public static Partners of(PartnersDocument document) {
        return new Partners(document);
    }

    private Partners(PartnersDocument document) {
        this.file = Optional.empty();
        this.changed = null;
        this.checks = null;
        this.snapshot = Snapshot.of(document);
    }

    public PartnersDocument current() {
        return snapshot.document();
    }

    /** Every partner's token keys as of the current document. */
    public KeyRing tokenKeys() {
        return snapshot.tokenKeys();
    }

    /** Every partner's event keys as of the current document. */
    public KeyRing eventKeys() {
        return snapshot.eventKeys();
    }

    /** Reads the file now rather than at the next check; what the periodic check does. */
    public void check() {
        if (file.isEmpty()) {
            return;
        }
        try {
            PartnersFile.Reload reload = file.get().check();
            if (reload instanceof PartnersFile.Changed change) {
                snapshot = Snapshot.of(change.current());
                LOG.infof("partners document version %d replaces version %d: %s", change.current().version(),
                        change.previous().version(), change.current().governments());
                changed.fire(new PartnersChanged(change.previous(), change.current()));
            } else if (reload instanceof PartnersFile.Refused refused) {
                LOG.warn("partners document not applied: " + refused.reason());
            }
        } catch (RuntimeException e) {
            // An observer's failure must not stop later checks.
            LOG.error("partners document check failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    /** Version 1 of a document made of the one-key-per-government settings, for services not given a file. */
    private static PartnersDocument fromKeySettings(IdentityConfig identity, Config all) {
        List<Partner> partners = new ArrayList<>();
        identity.publicKeys().forEach((government, key) -> {
            String eventKey = all.getOptionalValue(EVENT_KEYS + government, String.class).orElse(null);
            partners.add(new Partner(government, government, Partner.topicOf(government), Instant.EPOCH,
                    List.of(settingKey("outreach.identity.public-keys." + government, key)),
                    eventKey == null ? List.of() : List.of(settingKey(EVENT_KEYS + government, eventKey)), Map.of()));
        });
        List<String> eventOnly = StreamSupport.stream(all.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(EVENT_KEYS))
                .map(name -> name.substring(EVENT_KEYS.length()))
                .filter(government -> !identity.publicKeys().containsKey(government)).toList();
        if (!eventOnly.isEmpty()) {
            throw new IllegalStateException("event keys are set for " + eventOnly + " but no token key"
                    + " (outreach.identity.public-keys.<GOV>); give both, or a partners document (outreach.partners.file)");
        }
        if (partners.isEmpty()) {
            throw new IllegalStateException("no partners: set outreach.partners.file to the partners document");
        }
        return new PartnersDocument(1, partners);
    }

    private static PartnerKey settingKey(String setting, String key) {
        try {
            return new PartnerKey("1", AgencyKeys.encodePublic(AgencyKeys.decodePublic(key)), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": " + e.getMessage(), e);
        }
    }
}
