package org.outreachexchange.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Limits on every JSON body, whatever the endpoint: text may not hold control characters (other than tab, line feed
 * and carriage return; PostgreSQL refuses NUL outright), and a decimal number may not carry more precision or scale than
 * any field of the exchange needs, so no exact arithmetic ever runs on a number like {@code 1e-1000000}. Both are
 * refused as 400 problems naming the field ({@code control-characters}, {@code precision}); a date or month outside
 * the years 1 to 9999 likewise ({@code range}).
 */
@Singleton
public class InputLimits implements ObjectMapperCustomizer {

    /** Digits in all, and digits after the point, that a decimal in a request may have. */
    public static final int MAX_PRECISION = 18;
    public static final int MAX_SCALE = 12;

    /** Raised while a body is read; {@link ProblemMapper} names the rule. */
    public static final class Refused extends JsonMappingException {
        private final String rule;

        Refused(JsonParser parser, String rule, String message) {
            super(parser, message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("outreach-input-limits");
        module.addDeserializer(String.class, new Text());
        module.addKeyDeserializer(String.class, new Key());
        module.addDeserializer(BigDecimal.class, new Decimal());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == LocalDate.class || type == YearMonth.class ? new BoundedYear(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** The first and last years a date in a request may have: what every service's database can store and compare. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            if (hasControlCharacters(text)) {
                throw new Refused(parser, "control-characters", "text may not hold control characters");
            }
            return text;
        }
    }

    /**
     * Dates and months as Java time reads them (years up to ±999,999,999), refused as {@code range} outside the years
     * 1 to 9999, which PostgreSQL could not store or compare: the request would fail in the database instead.
     */
    static final class BoundedYear extends DelegatingDeserializer {
        BoundedYear(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedYear(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            int year = value instanceof LocalDate date ? date.getYear() : value instanceof YearMonth month ? month.getYear() : MIN_YEAR;
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new Refused(parser, "range", "a date here lies in the years " + MIN_YEAR + " to " + MAX_YEAR);
            }
            return value;
        }
    }

    /** A map's text keys are stored like its values, so they obey the same rule. */
    static final class Key extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (hasControlCharacters(key)) {
                throw new Refused(context.getParser(), "control-characters", "text may not hold control characters");
            }
            return key;
        }
    }

    static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_FLOAT && parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            if (value.scale() > MAX_SCALE || value.scale() < -MAX_PRECISION || value.precision() > MAX_PRECISION) {
                throw new Refused(parser, "precision", "a number here has at most " + MAX_PRECISION + " digits, "
                        + MAX_SCALE + " of them after the point");
            }
            return value;
        }
    }
}
