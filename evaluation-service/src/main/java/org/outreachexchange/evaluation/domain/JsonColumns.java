package org.outreachexchange.evaluation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON columns for small value maps. Converted here rather than by Hibernate's format mapper so the stored form
 * depends only on these types, not on the application's ObjectMapper settings.
 */
public final class JsonColumns {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonColumns() {
    }

    abstract static class Converter<T> implements AttributeConverter<T, String> {
        private final TypeReference<T> type;

        Converter(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot store " + value, e);
            }
        }

        @Override
        public T convertToEntityAttribute(String column) {
            if (column == null) {
                return null;
            }
            try {
                return MAPPER.readValue(column, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read stored JSON " + column, e);
            }
        }
    }

    public static class Elements extends Converter<Map<Element, ElementEvidence>> {
        public Elements() {
            super(new TypeReference<>() { });
        }
    }

    public static class Factors extends Converter<Map<Factor, BigDecimal>> {
        public Factors() {
            super(new TypeReference<>() { });
        }
    }

    public static class Strings extends Converter<List<String>> {
        public Strings() {
            super(new TypeReference<>() { });
        }
    }

    public static class State extends Converter<CountryState> {
        public State() {
            super(new TypeReference<>() { });
        }
    }

    public static class Changes extends Converter<Map<String, Mutation>> {
        public Changes() {
            super(new TypeReference<>() { });
        }
    }

    public static class Responses extends Converter<List<ProposalResponse>> {
        public Responses() {
            super(new TypeReference<>() { });
        }
    }
}
