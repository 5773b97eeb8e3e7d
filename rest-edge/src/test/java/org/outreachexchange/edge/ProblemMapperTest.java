package org.outreachexchange.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Objective(Thread.State element, String text) {
    }

    record Request(LocalDate start, List<Objective> objectives, int count) {
    }

    @Test
    void namesTheFieldAndTheRuleOfEachKindOfUnreadableBody() {
        assertThat(error("{not json")).isEqualTo(new FieldError("body", "json", "the body is not well-formed JSON"));
        assertThat(error("{\"colour\":1}").rule()).isEqualTo("known-field");
        assertThat(error("{\"start\":\"24 June\"}")).extracting(FieldError::field, FieldError::rule).containsExactly("start", "date");
        assertThat(error("{\"objectives\":[{\"element\":\"HOPE\"}]}")).extracting(FieldError::field, FieldError::rule)
                .containsExactly("objectives[0].element", "enum");
        assertThat(error("{\"count\":\"many\"}")).extracting(FieldError::field, FieldError::rule).containsExactly("count", "format");
    }

    @Test
    void aProblemQuotesNoMoreThanThreeHundredCharactersOfTheRequest() {
        String huge = "\u754c".repeat(70_000);
        var body = ProblemMapper.body(400, "recipients[0]: '" + huge + "' is not a country", List.of(new FieldError("x".repeat(5_000),
                "pattern", "'" + huge + "' is not a country")), "/activities/" + "a".repeat(3_000));

        assertThat((String) body.get("detail")).hasSize(ProblemMapper.MAX_TEXT + 1).endsWith("\u2026");
        assertThat((String) body.get("instance")).hasSize(ProblemMapper.MAX_TEXT + 1);
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) body.get("errors");
        assertThat(errors.get(0).field()).hasSize(ProblemMapper.MAX_TEXT + 1);
        assertThat(errors.get(0).message()).hasSize(ProblemMapper.MAX_TEXT + 1);
        assertThat(errors.get(0).rule()).isEqualTo("pattern");
        assertThat(ProblemMapper.cut("a".repeat(299) + "\ud83d\ude00")).isEqualTo("a".repeat(299) + "\u2026");
    }

    @Test
    void aProblemListsAtMostAHundredBrokenRules() {
        List<FieldError> many = java.util.stream.IntStream.range(0, 1_001)
                .mapToObj(i -> new FieldError("recipients[" + i + "]", "unique", "MY is listed twice")).toList();

        var body = ProblemMapper.body(400, "the request breaks 1001 rules", many, "/activities");

        assertThat((List<?>) body.get("errors")).hasSize(ProblemMapper.MAX_ERRORS);
        assertThat(body.get("detail")).isEqualTo("the request breaks 1001 rules");
    }

    @Test
    void titlesAreTheStatusesReasonPhrases() {
        assertThat(ProblemMapper.title(400)).isEqualTo("Bad Request");
        assertThat(ProblemMapper.title(404)).isEqualTo("Not Found");
        assertThat(ProblemMapper.title(422)).isEqualTo("Unprocessable Content");
        assertThat(ProblemMapper.title(428)).isEqualTo("Precondition Required");
    }

    private static FieldError error(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue(body, Request.class));
        return ProblemMapper.fieldError(e);
    }
}
