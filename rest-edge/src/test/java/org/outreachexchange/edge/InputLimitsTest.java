package org.outreachexchange.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InputLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        new InputLimits().customize(JSON);
    }

    record Activity(String title, List<String> agenda, Map<String, BigDecimal> weights) {
    }

    @Test
    void refusesTextWithANulOrOtherControlCharacterNamingTheField() {
        assertThat(error("{\"title\":\"a\\u0000b\"}")).isEqualTo(new FieldError("title", "control-characters",
                "text may not hold control characters"));
        assertThat(error("{\"agenda\":[\"ok\",\"bell\\u0007\"]}")).extracting(FieldError::field).isEqualTo("agenda[1]");
    }

    @Test
    void refusesAMapKeyWithAControlCharacter() {
        assertThat(error("{\"weights\":{\"TRADE\\u0000\":1}}").rule()).isEqualTo("control-characters");
    }

    @Test
    void keepsTabsLineBreaksAndEveryScript() throws Exception {
        Activity activity = JSON.readValue("{\"title\":\"輸出管理\\tセミナー\\r\\nline two\"}", Activity.class);

        assertThat(activity.title()).isEqualTo("輸出管理\tセミナー\r\nline two");
    }

    @Test
    void refusesADecimalWithAnExponentOrPrecisionNoFieldNeedsBeforeAnyArithmetic() {
        assertThat(error("{\"weights\":{\"TRADE_VOLUME\":1e-1000000}}")).extracting(FieldError::field, FieldError::rule)
                .containsExactly("weights.TRADE_VOLUME", "precision");
        assertThat(error("{\"weights\":{\"TRADE_VOLUME\":1e1000000}}").rule()).isEqualTo("precision");
        assertThat(error("{\"weights\":{\"TRADE_VOLUME\":0.1234567890123456789}}").rule()).isEqualTo("precision");
    }

    @Test
    void readsOrdinaryDecimals() throws Exception {
        assertThat(JSON.readValue("{\"weights\":{\"TRADE_VOLUME\":0.25}}", Activity.class).weights())
                .containsEntry("TRADE_VOLUME", new BigDecimal("0.25"));
    }

    record Schedule(LocalDate start, YearMonth month) {
    }

    @Test
    void refusesADateOrMonthOutsideTheYearsADatabaseCanHoldNamingTheField() throws Exception {
        ObjectMapper withTime = new ObjectMapper().findAndRegisterModules();
        new InputLimits().customize(withTime);
        for (String body : List.of("{\"start\":\"+999999999-12-31\"}", "{\"start\":\"-0001-01-01\"}", "{\"month\":\"0000-01\"}")) {
            JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> withTime.readValue(body, Schedule.class));
            assertThat(ProblemMapper.fieldError(e)).extracting(FieldError::field, FieldError::rule)
                    .containsExactly(body.contains("month") ? "month" : "start", "range");
        }
        assertThat(withTime.readValue("{\"start\":\"2008-06-24\",\"month\":\"9999-12\"}", Schedule.class))
                .isEqualTo(new Schedule(LocalDate.parse("2008-06-24"), YearMonth.parse("9999-12")));
    }

    private static FieldError error(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue(body, Activity.class));
        return ProblemMapper.fieldError(e);
    }
}
