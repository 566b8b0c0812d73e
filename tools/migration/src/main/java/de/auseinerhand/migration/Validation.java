package de.auseinerhand.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.migration.format.HouseholdValidator;
import de.auseinerhand.migration.format.Problem;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a migration file (JSON Lines, UTF-8, one household per line) and checks every line before anything is written:
 * each rejected line goes to the report with its line number, household id (when it could be read), field and reason;
 * accepted households are handed on. A household id that appeared on an earlier line is rejected on the later one.
 */
public final class Validation {
    /** A line longer than this is rejected unread (the largest household the format allows is far smaller). */
    static final int MAX_LINE_CHARS = 4_000_000;

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    public record Summary(long lines, long accepted, long rejected, long problems) {
    }

    private final HouseholdValidator validator;

    public Validation(HouseholdValidator validator) {
        this.validator = validator;
    }

    /**
     * Checks the file; writes the rejected lines' problems as JSON Lines to {@code report} ({@code line}, {@code householdId},
     * {@code field}, {@code reason}) and hands each accepted household with its line number to {@code accepted}.
     */
    public Summary run(Path file, Path report, BiConsumer<Long, JsonNode> accepted, Progress progress) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            return run(file, out, accepted, progress);
        }
    }

    /** As {@link #run(Path, Path, BiConsumer, Progress)}, writing the report to an open writer. */
    public Summary run(Path file, BufferedWriter out, BiConsumer<Long, JsonNode> accepted, Progress progress) throws IOException {
        long lines = 0, ok = 0, rejected = 0, problems = 0;
        Map<String, Long> seen = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                String id = null;
                List<Problem> found;
                if (line.length() > MAX_LINE_CHARS) {
                    found = List.of(new Problem("(line)", "is longer than " + MAX_LINE_CHARS + " characters"));
                } else {
                    JsonNode household;
                    try {
                        household = JSON.readTree(line);
                    } catch (JsonProcessingException e) {
                        household = null;
                    }
                    if (household == null || !household.isObject()) {
                        found = List.of(new Problem("(line)", "is not a JSON object"));
                    } else {
                        id = household.path("householdId").isTextual() ? household.get("householdId").asText() : null;
                        found = validator.validate(household);
                        if (found.isEmpty() && id != null) {
                            Long first = seen.putIfAbsent(id, lines);
                            if (first != null) {
                                found = List.of(new Problem("householdId", "appears on line " + first + " already"));
                            }
                        }
                        if (found.isEmpty()) {
                            ok++;
                            accepted.accept(lines, household);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    rejected++;
                    problems += found.size();
                    write(out, lines, id, found);
                }
                progress.line(ok, rejected);
            }
        }
        progress.done(ok, rejected);
        return new Summary(lines, ok, rejected, problems);
    }

    private static void write(Writer out, long line, String id, List<Problem> found) throws IOException {
        for (Problem p : found) {
            ObjectNode n = JSON.createObjectNode();
            n.put("line", line);
            if (id != null && id.length() <= 40) {
                n.put("householdId", id);
            }
            n.put("field", p.field());
            n.put("reason", p.reason());
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
        }
    }
}
