package de.auseinerhand.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends accepted households in batches to a service's migration endpoint and counts what became of them. Every batch
 * is idempotent (the service skips households it migrated before), so a failed request is simply sent again (bounded,
 * with back-off) and a killed run is resumed by running it again. Households the service rejects (its rules go beyond
 * the file's checks) are added to the report with their line.
 */
public final class Importer {
    static final int MAX_BATCH = 100;
    static final int MAX_BATCH_BYTES = 3_000_000;
    static final int ATTEMPTS = 8;

    public record Counts(long migrated, long alreadyMigrated, long rejected, long batches) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String runId;
    private final Supplier<String> tokens;
    private final BufferedWriter report;
    private final Clock clock;
    private final List<Long> lines = new ArrayList<>();
    private final List<JsonNode> pending = new ArrayList<>();
    private int pendingBytes;
    private long migrated, already, rejected, batches;

    /** @param tokens a bearer token of a district admin, asked again before each batch (it may have expired) */
    public Importer(URI endpoint, String runId, Supplier<String> tokens, BufferedWriter report, Clock clock) {
        this.endpoint = endpoint;
        this.runId = runId;
        this.tokens = tokens;
        this.report = report;
        this.clock = clock;
    }

    public void add(long line, JsonNode household) {
        int size = household.toString().length();
        if (!pending.isEmpty() && (pending.size() >= MAX_BATCH || pendingBytes + size > MAX_BATCH_BYTES)) {
            flush();
        }
        lines.add(line);
        pending.add(household);
        pendingBytes += size;
    }

    public Counts finish() {
        flush();
        return counts();
    }

    public Counts counts() {
        return new Counts(migrated, already, rejected, batches);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ObjectNode body = Validation.JSON.createObjectNode();
        body.put("runId", runId);
        ArrayNode list = body.putArray("households");
        pending.forEach(list::add);
        JsonNode answer = send(body.toString());
        JsonNode results = answer.path("results");
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            switch (r.path("status").asText()) {
                case "MIGRATED" -> migrated++;
                case "ALREADY_MIGRATED" -> already++;
                default -> {
                    rejected++;
                    for (JsonNode p : r.path("problems")) {
                        ObjectNode n = Validation.JSON.createObjectNode();
                        n.put("line", lines.get(i));
                        n.put("householdId", r.path("householdId").asText());
                        n.put("field", p.path("field").asText());
                        n.put("reason", "rejected by the service: " + p.path("reason").asText());
                        try {
                            report.write(n.toString());
                            report.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
        }
        if (results.size() != pending.size()) {
            throw new IllegalStateException("the service answered " + results.size() + " results for " + pending.size() + " households");
        }
        batches++;
        pending.clear();
        lines.clear();
        pendingBytes = 0;
    }

    private JsonNode send(String body) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Validation.JSON.readTree(response.body());
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException("the service refused the batch: HTTP " + response.statusCode() + " " + response.body());
                }
                last = new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
            } catch (IOException e) {
                last = new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(Duration.ofMillis(500L << Math.min(attempt, 5)));
        }
        throw new IllegalStateException("the batch failed " + ATTEMPTS + " times; run the import again to continue", last);
    }

    private void pause(Duration d) {
        Instant until = clock.instant().plus(d);
        try {
            while (clock.instant().isBefore(until)) {
                Thread.sleep(Math.max(1, Duration.between(clock.instant(), until).toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
