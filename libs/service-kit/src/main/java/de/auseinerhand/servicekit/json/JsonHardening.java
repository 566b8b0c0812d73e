package de.auseinerhand.servicekit.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every service refuses in a JSON request body before it reaches a resource, the database or an event (issue 15
 * §2), each answered 400 naming the field:
 * <ul>
 * <li>text longer than {@code aeh.json.max-string-length} characters (default 10,000; fields with a tighter
 * {@code @Size} say so themselves) and text with a NUL character, which PostgreSQL refuses in text and jsonb;</li>
 * <li>{@code null} inside a list or map ({@code "languages":[null]}), where every element is a value;</li>
 * <li>decimal numbers beyond {@value #MAX_INTEGER_DIGITS} digits before or {@value #MAX_FRACTION_DIGITS} after the
 * point, judged on their text before a {@code BigDecimal} is made of them (a number like {@code 1e1000000} would
 * otherwise cost minutes of CPU where it is scaled or printed), and numbers that are not finite;</li>
 * <li>dates and months outside the years {@value #MIN_YEAR}–{@value #MAX_YEAR} (no benefit, birth or event lies
 * beyond them; {@code +999999999-12-31} parses, and overflows where it is used).</li>
 * </ul>
 */
@Singleton
public class JsonHardening implements ObjectMapperCustomizer {
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_FRACTION_DIGITS = 10;
    public static final int MIN_YEAR = 1800;
    public static final int MAX_YEAR = 2199;

    /** Last of all customizers: the Java time module registered before must not take dates back from these deserializers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        int maxString = ConfigProvider.getConfig().getOptionalValue("aeh.json.max-string-length", Integer.class).orElse(10_000);
        SimpleModule module = new SimpleModule("aeh-json-hardening");
        module.addDeserializer(String.class, new BoundedString(maxString));
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class));
        module.addDeserializer(double.class, new FiniteDouble(double.class));
        module.addDeserializer(LocalDate.class, new BoundedDate());
        module.addDeserializer(YearMonth.class, new BoundedMonth());
        mapper.registerModule(module);
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** Text checks shared with query and path parameters ({@code RequestHygiene}). */
    public static String problemWithText(String value, int max) {
        if (value.length() > max) {
            return "must be at most " + max + " characters long";
        }
        if (value.indexOf('\u0000') >= 0) {
            return "must not contain NUL characters";
        }
        return null;
    }

    static final class BoundedString extends StdScalarDeserializer<String> {
        private final int max;

        BoundedString(int max) {
            super(String.class);
            this.max = max;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            String value;
            if (t == JsonToken.VALUE_STRING) {
                value = p.getText();
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_TRUE
                    || t == JsonToken.VALUE_FALSE) {
                // as Jackson's own deserializer: scalars are taken as their text
                value = p.getText();
            } else {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String problem = problemWithText(value, max);
            if (problem != null) {
                throw new RejectedValueException(p, problem);
            }
            return value;
        }
    }

    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_STRING) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText().trim();
            BigDecimal value = parse(text);
            if (value == null) {
                throw new RejectedValueException(p, "must be a decimal number with at most " + MAX_INTEGER_DIGITS + " digits before and "
                        + MAX_FRACTION_DIGITS + " after the decimal point");
            }
            return value;
        }
    }

    /**
     * The decimal written in {@code text} if it is one with at most {@link #MAX_INTEGER_DIGITS} digits before and
     * {@link #MAX_FRACTION_DIGITS} after the point, else null; the exponent is read as a small number first, so no
     * text makes a huge {@code BigDecimal}. For CSV and other text inputs too.
     */
    public static BigDecimal parse(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        String mantissa = text;
        int exponent = 0;
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0) {
            String exp = text.substring(e + 1);
            if (!exp.matches("[+-]?\\d{1,3}")) {
                return null;
            }
            exponent = Integer.parseInt(exp);
            mantissa = text.substring(0, e);
        }
        if (!mantissa.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        BigDecimal value = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_FRACTION_DIGITS) {
            return null;
        }
        // the value as written (2.50 stays 2.50), with a sensible scale
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static final class FiniteDouble extends StdScalarDeserializer<Double> {
        FiniteDouble(Class<?> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            if (p.getText().length() > 64) {
                throw new RejectedValueException(p, "must be a finite number");
            }
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw new RejectedValueException(p, "must be a finite number");
            }
            return d;
        }
    }

    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText().trim();
            LocalDate date;
            try {
                date = text.length() <= 20 ? LocalDate.parse(text) : null;
            } catch (java.time.format.DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                throw new RejectedValueException(p, "must be a date (YYYY-MM-DD)");
            }
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                throw new RejectedValueException(p, "must be a date between " + MIN_YEAR + "-01-01 and " + MAX_YEAR + "-12-31");
            }
            return date;
        }
    }

    static final class BoundedMonth extends StdScalarDeserializer<YearMonth> {
        BoundedMonth() {
            super(YearMonth.class);
        }

        @Override
        public YearMonth deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (YearMonth) ctxt.handleUnexpectedToken(YearMonth.class, p);
            }
            YearMonth month = month(p.getText().trim());
            if (month == null) {
                throw new RejectedValueException(p, "must be a month (YYYY-MM) between " + MIN_YEAR + "-01 and " + MAX_YEAR + "-12");
            }
            return month;
        }
    }

    /**
     * Like {@code YearMonth.parse}, for query parameters and other text: a month outside {@link #MIN_YEAR}–{@link #MAX_YEAR}
     * is refused as unparseable ({@code +999999999-12} parses, and overflows where it is used).
     */
    public static YearMonth parseMonth(CharSequence text) {
        YearMonth m = YearMonth.parse(text);
        if (m.getYear() < MIN_YEAR || m.getYear() > MAX_YEAR) {
            throw new java.time.format.DateTimeParseException("a month between " + MIN_YEAR + "-01 and " + MAX_YEAR + "-12", text, 0);
        }
        return m;
    }

    /** Like {@code LocalDate.parse}, for query parameters and other text, with the years of {@link #parseMonth}. */
    public static LocalDate parseDate(CharSequence text) {
        LocalDate d = LocalDate.parse(text);
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw new java.time.format.DateTimeParseException("a date between " + MIN_YEAR + "-01-01 and " + MAX_YEAR + "-12-31", text, 0);
        }
        return d;
    }

    /** {@code text} as a month between {@link #MIN_YEAR} and {@link #MAX_YEAR}, or null. For query parameters too. */
    public static YearMonth month(String text) {
        if (text == null || text.length() != 7) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(text);
            return m.getYear() < MIN_YEAR || m.getYear() > MAX_YEAR ? null : m;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** {@code text} as a date between {@link #MIN_YEAR} and {@link #MAX_YEAR}, or null. For query parameters too. */
    public static LocalDate date(String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            return d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR ? null : d;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

}
