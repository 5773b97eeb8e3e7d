package org.outreachexchange.scheduling.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outreachexchange.infra.EventSchema;
import org.outreachexchange.scheduling.domain.Distribution;
import org.outreachexchange.scheduling.domain.Finding;
import org.outreachexchange.scheduling.domain.Limits;
import org.outreachexchange.scheduling.domain.Objective;
import org.outreachexchange.scheduling.service.ActivityRequest;
import org.outreachexchange.scheduling.service.CancellationRequest;
import org.outreachexchange.scheduling.service.CompletionRequest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published event schema states the same maxima as the requests accept, so consumers can size their storage on
 * it: each bound in {@code activity-event.schema.json} equals the {@link Limits} constant and the request's own
 * {@code @Size}, and none of the three can drift alone.
 */
class EventSchemaLimitsTest {

    static Stream<Arguments> bounds() {
        return Stream.of(
                bound("/properties/title", "maxLength", Limits.TITLE, ActivityRequest.class, "title", false),
                bound("/properties/location", "maxLength", Limits.LOCATION, ActivityRequest.class, "location", false),
                bound("/properties/recipients", "maxItems", Limits.RECIPIENTS, ActivityRequest.class, "recipients", false),
                bound("/properties/agenda", "maxItems", Limits.AGENDA_ITEMS, ActivityRequest.class, "agenda", false),
                bound("/properties/agenda/items", "maxLength", Limits.AGENDA_ITEM, ActivityRequest.class, "agenda", true),
                bound("/properties/objectives", "maxItems", Limits.OBJECTIVES, ActivityRequest.class, "objectives", false),
                bound("/$defs/objective/properties/text", "maxLength", Limits.OBJECTIVE_TEXT, Objective.class, "text", false),
                bound("/$defs/distribution/properties/governments", "maxItems", Limits.DISTRIBUTION_GOVERNMENTS, Distribution.class, "governments", false),
                bound("/$defs/results/properties/summary", "maxLength", Limits.SUMMARY, CompletionRequest.class, "summary", false),
                bound("/$defs/results/properties/participants", "maxItems", Limits.PARTICIPANTS, CompletionRequest.class, "participants", false),
                bound("/$defs/results/properties/participants/items", "maxLength", Limits.PARTICIPANT, CompletionRequest.class, "participants", true),
                bound("/$defs/results/properties/findings", "maxItems", Limits.FINDINGS, CompletionRequest.class, "findings", false),
                bound("/$defs/results/properties/findings/items/properties/evidence", "maxLength", Limits.EVIDENCE, Finding.class, "evidence", false),
                bound("/properties/cancellationReason", "maxLength", Limits.CANCELLATION_REASON, CancellationRequest.class, "reason", false));
    }

    private static Arguments bound(String pointer, String keyword, int limit, Class<?> request, String field, boolean element) {
        return Arguments.of(pointer, keyword, limit, request, field, element);
    }

    @ParameterizedTest(name = "{0} {1} = {2} = @Size of {3}.{4}")
    @MethodSource("bounds")
    void schemaStatesTheBoundTheRequestAccepts(String pointer, String keyword, int limit, Class<?> request, String field,
                                              boolean element) throws Exception {
        JsonNode schemaBound = schema().at(pointer).path(keyword);

        assertThat(schemaBound.isInt()).as(pointer + " " + keyword + " is stated").isTrue();
        assertThat(schemaBound.asInt()).isEqualTo(limit);
        assertThat(sizeOf(request.getDeclaredField(field), element).max()).isEqualTo(limit);
    }

    @Test
    void recipientsStayExactlyTwoHundredFifty() {
        assertThat(Limits.RECIPIENTS).isEqualTo(250);
    }

    private static Size sizeOf(Field field, boolean element) {
        AnnotatedElement annotated = element
                ? ((AnnotatedParameterizedType) field.getAnnotatedType()).getAnnotatedActualTypeArguments()[0]
                : field;
        Size size = annotated.getAnnotation(Size.class);
        assertThat(size).as("@Size on " + field + (element ? "'s items" : "")).isNotNull();
        return size;
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = EventSchemaLimitsTest.class.getResourceAsStream("/META-INF/resources/schemas/activity-event.schema.json")) {
            return EventSchema.JSON.readTree(in);
        }
    }
}
