package org.outreachexchange.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeLogTest {

    private final KeyPair japan = AgencyKeys.generate();
    private final Map<String, java.security.PublicKey> keys = Map.of("JP", japan.getPublic());

    @Test
    void anUntouchedChainVerifies() {
        ExchangeLog.Report report = ExchangeLog.verify(chain(5), keys);

        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).containsEntry("JP", 5);
    }

    @Test
    void anEditedEntryIsLocatedOnce() {
        List<ExchangeLog.Entry> log = chain(5);
        ExchangeLog.Entry third = log.get(2);
        EventSeals.Content c = third.content();
        log.set(2, new ExchangeLog.Entry("JP", 3, third.previous(), third.signature(), null,
                new EventSeals.Content(c.id(), c.type(), c.source(), c.subject(), c.key(), c.data().replace("3", "4"))));

        ExchangeLog.Report report = ExchangeLog.verify(log, keys);

        assertThat(report.problems()).extracting(ExchangeLog.Problem::sequence).containsExactly(3L);
        assertThat(report.problems().get(0).what()).contains("signature does not verify");
    }

    @Test
    void aDeletedEntryIsReportedMissingAtItsSequence() {
        List<ExchangeLog.Entry> log = chain(5);
        log.remove(3);

        ExchangeLog.Report report = ExchangeLog.verify(log, keys);

        assertThat(report.problems()).extracting(ExchangeLog.Problem::toString).containsExactly("JP #4: missing");
    }

    @Test
    void entriesCutFromTheEndAreFoundAgainstAHeadKnownFromElsewhere() {
        List<ExchangeLog.Entry> log = chain(5);
        log.remove(4);
        log.remove(3);

        assertThat(ExchangeLog.verify(log, keys).intact()).isTrue();
        assertThat(ExchangeLog.verify(log, keys, Map.of("JP", 5L)).problems()).extracting(ExchangeLog.Problem::toString)
                .containsExactly("JP #4: missing, through #5 (the log ends early)");
    }

    @Test
    void aRedactedEntryStillVerifiesByItsDigest() {
        List<ExchangeLog.Entry> log = chain(3);
        ExchangeLog.Entry second = log.get(1);
        log.set(1, new ExchangeLog.Entry("JP", 2, second.previous(), second.signature(), second.content().digest(), null));

        assertThat(ExchangeLog.verify(log, keys).intact()).isTrue();
    }

    @Test
    void anEntrySignedByAnotherKeyIsRefusedEvenInTheRightPlace() {
        List<ExchangeLog.Entry> log = chain(2);
        ExchangeLog.Entry second = log.get(1);
        EventSeals.Seal forged = EventSeals.seal(AgencyKeys.generate().getPrivate(), "JP", 2, second.previous(),
                second.content().digest());
        log.set(1, new ExchangeLog.Entry("JP", 2, second.previous(), forged.signature(), null, second.content()));

        assertThat(ExchangeLog.verify(log, keys).problems()).extracting(ExchangeLog.Problem::sequence).containsExactly(2L);
    }

    @Test
    void aChainSealedUnderARotatedKeyVerifiesWithBothKeysAndNotWithTheOldOneAlone() {
        List<ExchangeLog.Entry> log = chain(2);
        KeyPair rotated = AgencyKeys.generate();
        ExchangeLog.Entry second = log.get(1);
        String previous = EventSeals.link("JP", 2, second.previous(), second.content().digest());
        EventSeals.Content content = new EventSeals.Content("e-3", "outreach.activity.planned", "/outreach/scheduling/JP",
                "a-3", "a-3", "{\"n\":3}");
        log.add(new ExchangeLog.Entry("JP", 3, previous,
                EventSeals.seal(rotated.getPrivate(), "JP", 3, previous, content.digest()).signature(), null, content));

        assertThat(ExchangeLog.verifyWithKeyRings(log, Map.of("JP", List.of(japan.getPublic(), rotated.getPublic())),
                Map.of()).intact()).isTrue();
        assertThat(ExchangeLog.verify(log, keys).problems()).extracting(ExchangeLog.Problem::sequence).containsExactly(3L);
    }

    @Test
    void readsTheGatewaysPagesOnePerLine() throws Exception {
        String export = "{\"entries\":[{\"government\":\"JP\",\"sequence\":1,\"previous\":\"p\",\"signature\":\"s\","
                + "\"eventId\":\"e\",\"type\":\"t\",\"source\":\"src\",\"subject\":\"sub\",\"key\":\"k\",\"data\":\"{}\"}]}\n"
                + "[{\"government\":\"JP\",\"sequence\":2,\"previous\":\"p2\",\"signature\":\"s2\",\"redacted\":true,"
                + "\"contentDigest\":\"d\"}]\n";

        List<ExchangeLog.Entry> entries = ExchangeLog.read(export);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).content().data()).isEqualTo("{}");
        assertThat(entries.get(1).content()).isNull();
        assertThat(entries.get(1).contentDigest()).isEqualTo("d");
    }

    private List<ExchangeLog.Entry> chain(int length) {
        List<ExchangeLog.Entry> entries = new ArrayList<>();
        String previous = EventSeals.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            EventSeals.Content content = new EventSeals.Content("e-" + seq, "outreach.activity.planned",
                    "/outreach/scheduling/JP", "a-" + seq, "a-" + seq, "{\"n\":" + seq + "}");
            EventSeals.Seal seal = EventSeals.seal(japan.getPrivate(), "JP", seq, previous, content.digest());
            entries.add(new ExchangeLog.Entry("JP", seq, previous, seal.signature(), null, content));
            previous = EventSeals.link("JP", seq, previous, content.digest());
        }
        return entries;
    }
}
