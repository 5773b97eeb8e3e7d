package org.outreachexchange.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASED = """
            {"type":"object","required":["id","type"],"additionalProperties":false,
             "properties":{"id":{"type":"string","maxLength":36},
                           "type":{"enum":["SEMINAR","CONSULTATION"]},
                           "count":{"type":"integer","minimum":0},
                           "tags":{"type":"array","items":{"type":"string"},"maxItems":10}},
             "$defs":{"country":{"type":"string","pattern":"^[A-Z]{2}$"}}}""";

    private static List<String> breaks(String current) {
        return SchemaCompatibility.breaks(tree(RELEASED), tree(current));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String released(String from, String to) {
        assertThat(RELEASED).contains(from);
        return RELEASED.replace(from, to);
    }

    @Test
    void anUnchangedSchemaBreaksNothing() {
        assertThat(breaks(RELEASED)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyAnEnumValueOrLooserBoundsBreaksNothing() {
        String current = released("\"tags\":", "\"languages\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"tags\":")
                .replace("[\"SEMINAR\",\"CONSULTATION\"]", "[\"SEMINAR\",\"CONSULTATION\",\"WORKSHOP\"]")
                .replace("\"maxLength\":36", "\"maxLength\":64")
                .replace("\"type\":\"integer\",\"minimum\":0", "\"type\":\"number\"");
        assertThat(breaks(current)).isEmpty();
    }

    @Test
    void openingAnEnumToAStringThatAllowsEveryReleasedValueBreaksNothing() {
        assertThat(breaks(released("{\"enum\":[\"SEMINAR\",\"CONSULTATION\"]}", "{\"type\":\"string\",\"pattern\":\"^[A-Z_]+$\"}")))
                .isEmpty();
        assertThat(breaks(released("{\"enum\":[\"SEMINAR\",\"CONSULTATION\"]}", "{\"type\":\"string\",\"maxLength\":8}")))
                .containsExactly("/properties/type: enum value \"CONSULTATION\" no longer allowed");
    }

    @Test
    void removingOrRenamingAPropertyBreaksConsumersThatReadIt() {
        assertThat(breaks(released("\"count\":", "\"total\":")))
                .containsExactly("/properties/count: removed (or renamed)");
    }

    @Test
    void requiringANewPropertyOrNoLongerRequiringOneBreaks() {
        assertThat(breaks(released("\"required\":[\"id\",\"type\"]", "\"required\":[\"id\",\"type\",\"count\"]")))
                .containsExactly("/: count newly required");
        assertThat(breaks(released("\"required\":[\"id\",\"type\"]", "\"required\":[\"id\"]")))
                .containsExactly("/: type no longer required");
    }

    @Test
    void narrowingATypeAnEnumABoundOrAPatternBreaks() {
        assertThat(breaks(released("\"id\":{\"type\":\"string\"", "\"id\":{\"type\":\"integer\"")))
                .containsExactly("/properties/id: type narrowed from [string] to [integer]");
        assertThat(breaks(released("[\"SEMINAR\",\"CONSULTATION\"]", "[\"SEMINAR\"]")))
                .containsExactly("/properties/type: enum value \"CONSULTATION\" removed");
        assertThat(breaks(released("\"maxItems\":10", "\"maxItems\":5")))
                .containsExactly("/properties/tags: maxItems lowered to 5");
        assertThat(breaks(released("\"minimum\":0", "\"minimum\":1")))
                .containsExactly("/properties/count: minimum raised to 1");
        assertThat(breaks(released("\"^[A-Z]{2}$\"", "\"^[A-Z]{2,3}$\"")))
                .containsExactly("/$defs/country: pattern changed: \"^[A-Z]{2,3}$\"");
        assertThat(breaks(released("\"items\":{\"type\":\"string\"}", "\"items\":{\"type\":\"string\",\"format\":\"uuid\"}")))
                .containsExactly("/properties/tags/items: format added: \"uuid\"");
    }

    @Test
    void removingADefinitionOrClosingAnOpenObjectBreaks() {
        assertThat(breaks(released("\"$defs\":{\"country\":", "\"$defs\":{\"code\":")))
                .containsExactly("/$defs/country: removed (or renamed)");
        String open = RELEASED.replace("\"additionalProperties\":false,", "");
        assertThat(SchemaCompatibility.breaks(tree(open), tree(RELEASED))).containsExactly("/additionalProperties: narrowed from any value");
    }
}
