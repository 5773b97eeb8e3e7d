package org.outreachexchange.identity.partners;

import org.junit.jupiter.api.Test;
import org.outreachexchange.identity.AgencyKeys;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PartnersDocumentTest {

    private static final String KEY = AgencyKeys.encodePublic(AgencyKeys.generate().getPublic());

    @Test
    void readsTheContractsExampleWithLeadsAndKeys() {
        PartnersDocument document = PartnersDocument.parse("""
                {"version": 4, "partners": [{"government": "JP", "name": "Japan", "topic": "outreach.activities.jp",
                  "joined": "2008-06-24T00:00:00Z",
                  "tokenKeys": [{"id": "2008a", "publicKey": "%s", "retires": "2009-01-01T00:00:00Z"},
                                {"id": "2008b", "publicKey": "%s", "retires": null}],
                  "eventKeys": [{"id": "2008a", "publicKey": "%s"}],
                  "leads": {"CATEGORY_1": [{"tool": "BILATERAL_CONSULTATION", "ifNecessary": false},
                                           {"tool": "INDUSTRY_OUTREACH_SEMINAR", "ifNecessary": true}]}}]}
                """.formatted(KEY, KEY, KEY));

        assertThat(document.version()).isEqualTo(4);
        Partner japan = document.partner("JP").orElseThrow();
        assertThat(japan.name()).isEqualTo("Japan");
        assertThat(japan.tokenKeys()).extracting(PartnerKey::id).containsExactly("2008a", "2008b");
        assertThat(japan.tokenKeys().get(0).retires()).isEqualTo(Instant.parse("2009-01-01T00:00:00Z"));
        assertThat(japan.eventKeys().get(0).retires()).isNull();
        assertThat(japan.leads().get("CATEGORY_1")).containsExactly(new LeadTool("BILATERAL_CONSULTATION", false),
                new LeadTool("INDUSTRY_OUTREACH_SEMINAR", true));
    }

    @Test
    void writesWhatItReadsBack() {
        PartnersDocument founding = founding();

        assertThat(PartnersDocument.parse(founding.toJson())).isEqualTo(founding);
        assertThat(founding.governments()).containsExactly("JP", "US", "AU");
        assertThat(founding.partner("US").orElseThrow().leads().get("CATEGORY_2"))
                .containsExactly(new LeadTool("LEGAL_ASSISTANCE", false), new LeadTool("OFFICER_TRAINING", false));
    }

    @Test
    void namesEveryProblemWithItsPathAtOnce() {
        PartnersDocumentException refused = catchThrowableOfType(PartnersDocumentException.class, () -> PartnersDocument.parse("""
                {"version": 2, "partners": [
                  {"government": "JP", "name": "Japan", "topic": "outreach.activities.us", "joined": "yesterday",
                   "tokenKeys": [{"id": "a", "publicKey": "not-a-key"}], "eventKeys": [], "retire": 1},
                  {"government": "jp", "name": "", "topic": "outreach.activities.jp", "joined": "2008-06-24T00:00:00Z",
                   "tokenKeys": [{"id": "a", "publicKey": "%s"}], "eventKeys": [{"id": "a", "publicKey": "%s"}]}]}
                """.formatted(KEY, KEY)));

        assertThat(refused.problems()).contains(
                "partners[0].retire: unknown field (known: eventKeys, government, joined, leads, name, tokenKeys, topic)",
                "partners[0].joined: must be an instant such as 2008-06-24T00:00:00Z, got 'yesterday'",
                "partners[1].name: required, a text");
    }

    @Test
    void refusesATopicThatIsNotTheGovernmentsOwnAndAGovernmentListedTwice() {
        String json = founding().toJson();

        assertThat(catchThrowableOfType(PartnersDocumentException.class,
                () -> PartnersDocument.parse(json.replace("\"outreach.activities.us\"", "\"outreach.activities.jp\"")))
                .problems()).containsExactly("partners[1].topic: must be outreach.activities.us, got 'outreach.activities.jp'");
        assertThat(catchThrowableOfType(PartnersDocumentException.class,
                () -> PartnersDocument.parse(json.replace("\"government\" : \"AU\"", "\"government\" : \"US\"")
                        .replace("outreach.activities.au", "outreach.activities.us"))).problems())
                .containsExactly("partners[2].government: US is listed twice");
    }

    @Test
    void refusesAKeyThatIsNotEd25519AndAPartnerWithoutKeys() {
        PartnersDocumentException refused = catchThrowableOfType(PartnersDocumentException.class, () -> new PartnersDocument(1,
                List.of(new Partner("KR", "Republic of Korea", "outreach.activities.kr", Instant.EPOCH,
                        List.of(new PartnerKey("2026a", "AAAA", null)), List.of(), Map.of()))));

        assertThat(refused.problems()).containsExactly(
                "partners[0].tokenKeys[0].publicKey: not an Ed25519 public key (base64 X.509 or PEM expected)",
                "partners[0].eventKeys: at least one key is required");
    }

    @Test
    void refusesWhatIsNotADocumentAtAll() {
        assertThat(catchThrowableOfType(PartnersDocumentException.class, () -> PartnersDocument.parse("{\"version\": ")))
                .hasMessageStartingWith("invalid partners document: not JSON");
        assertThat(catchThrowableOfType(PartnersDocumentException.class, () -> PartnersDocument.parse("{}")).problems())
                .containsExactly("version: required, a whole number", "partners: required, a list");
    }

    @Test
    void rotatesAKeyAsNewVersionsKeepingTheOldKeyUntilItRetires() {
        PartnerKey next = PartnerKey.of("2026b", AgencyKeys.generate().getPublic());
        Instant retires = Instant.parse("2026-12-03T00:00:00Z");

        PartnersDocument added = founding().addingKey("JP", KeyPurpose.TOKENS, next);
        PartnersDocument retiring = added.retiringKey("JP", KeyPurpose.TOKENS, "1", retires);

        assertThat(added.version()).isEqualTo(2);
        assertThat(retiring.version()).isEqualTo(3);
        assertThat(retiring.partner("JP").orElseThrow().tokenKeys()).extracting(PartnerKey::id, PartnerKey::retires)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", retires), org.assertj.core.groups.Tuple.tuple("2026b", null));
        assertThat(retiring.partner("JP").orElseThrow().eventKeys()).hasSize(1);
        assertThat(catchThrowableOfType(PartnersDocumentException.class,
                () -> added.addingKey("JP", KeyPurpose.TOKENS, next)).problems())
                .containsExactly("partners[0].tokenKeys[2].id: '2026b' is listed twice");
    }

    @Test
    void addsAGovernmentThatLeadsNothingYet() {
        Partner korea = new Partner("KR", "Republic of Korea", Partner.topicOf("KR"), Instant.parse("2026-12-02T00:00:00Z"),
                List.of(PartnerKey.of("2026a", AgencyKeys.generate().getPublic())),
                List.of(PartnerKey.of("2026a", AgencyKeys.generate().getPublic())), Map.of());

        PartnersDocument joined = founding().withPartner(korea);

        assertThat(joined.governments()).containsExactly("JP", "US", "AU", "KR");
        assertThat(joined.partner("KR").orElseThrow().leads()).isEmpty();
        assertThat(joined.version()).isEqualTo(2);
    }

    static PartnersDocument founding() {
        return FoundingPartners.document(g -> PartnerKey.of("1", AgencyKeys.generate().getPublic()),
                g -> PartnerKey.of("1", AgencyKeys.generate().getPublic()));
    }
}
