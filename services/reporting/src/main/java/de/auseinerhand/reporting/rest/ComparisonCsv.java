package de.auseinerhand.reporting.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * RFC 4180 CSV of comparison figures (jackson-dataformat-csv): cells with commas, quotes or line breaks
 * are quoted and read back as written, so the export imports again unchanged.
 */
final class ComparisonCsv {
    static final List<String> KEYS = List.of("agency_id", "name", "state", "comparison_type", "month");
    /** K1, K1E1 … K3E4 in the order of the indicators, not of the strings. */
    static final Comparator<String> INDICATOR_ORDER = Comparator.comparing((String k) -> k.substring(0, 2))
            .thenComparing(k -> k.length() == 2 ? 0 : Integer.parseInt(k.substring(3)));

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private ComparisonCsv() {
    }

    /** All records, the header first; a file that is not CSV (an open quote) is a 400 naming the body. */
    static List<List<String>> read(String body) {
        List<List<String>> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(body.strip())) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw ValidationFailedException.of("body", "not a CSV file: " + firstLine(e.getMessage()));
        }
        if (out.isEmpty()) {
            throw ValidationFailedException.of("body", "a CSV file is required");
        }
        return out;
    }

    static String write(List<List<String>> rows) {
        try {
            StringBuilder sb = new StringBuilder();
            for (List<String> row : rows) {
                sb.append(CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValueAsString(row));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV failed", e);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
