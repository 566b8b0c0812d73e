package de.auseinerhand.benefits.infrastructure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.auseinerhand.benefits.domain.calculation.Money;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON form of calculation sheets: amounts as decimal numbers with two places ({@code 1043.00}),
 * dates as ISO strings, absent notes left out. The same settings serve the API and the stored
 * sheets, so a stored sheet reads exactly as the API showed it.
 */
@Singleton
public class SheetJson implements ObjectMapperCustomizer {

    public static SimpleModule moneyModule() {
        SimpleModule module = new SimpleModule("aeh-money");
        module.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.toBigDecimal());
            }
        });
        return module;
    }

    /** A mapper with the same settings, for code outside CDI (tests, the benchmark, stored sheets). */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        configure(mapper);
        return mapper;
    }

    static void configure(ObjectMapper mapper) {
        mapper.registerModule(moneyModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        configure(objectMapper);
    }
}
