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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends accepted households in batches to the services' migration endpoints and counts what became of them. Per batch:
 * first every service checks the households without writing ({@code ?dryRun=true}: the registry the case's rules,
 * benefit-calculation the benefit rules, job-placement the placement rules), so that a household one service refuses is
 * written nowhere; then the registry writes the cases and answers their case numbers, and benefit-calculation and
 * job-placement write their parts onto those cases. Every service is idempotent per household (it skips households it
 * migrated before), so a failed request is simply sent again (bounded, with back-off) and a killed run is resumed by
 * running it again: the registry answers the case of a household it took before, and the others complete their parts.
 * Households a service rejects are added to the report with their line and the service.
 */
public final class Importer {
    static final int MAX_BATCH = 100;
    static final int MAX_BATCH_BYTES = 1_500_000;
    static final int ATTEMPTS = 8;

    /** Per service: households written now, written before, rejected; and batches and events (where counted). */
    public record Counts(long migrated, long alreadyMigrated, long rejected, long batches) {
    }

    /** A service's migration endpoint. */
    public record Service(String name, URI endpoint) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Service registry;
    private final List<Service> others;
    private final String runId;
    private final Supplier<String> tokens;
    private final BufferedWriter report;
    private final Clock clock;
    private final List<Long> lines = new ArrayList<>();
    private final List<JsonNode> pending = new ArrayList<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private int pendingBytes;
    private long households, rejected, batches;

    /**
     * @param others the services written after the registry, with the registry's case numbers (benefit-calculation, job-placement)
     * @param tokens a bearer token of a district admin, asked again before each request (it may have expired)
     */
    public Importer(Service registry, List<Service> others, String runId, Supplier<String> tokens, BufferedWriter report, Clock clock) {
        this.registry = registry;
        this.others = List.copyOf(others);
        this.runId = runId;
        this.tokens = tokens;
        this.report = report;
        this.clock = clock;
        counts.put(registry.name(), new long[3]);
        others.forEach(s -> counts.put(s.name(), new long[3]));
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

    public void finish() {
        flush();
    }

    /** Households taken over by every service (now or before). */
    public long done() {
        return households;
    }

    /** Households rejected by a service. */
    public long rejected() {
        return rejected;
    }

    public long batches() {
        return batches;
    }

    /** Per service: {migrated, migrated before, rejected}. */
    public Map<String, Counts> counts() {
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new Counts(v[0], v[1], v[2], batches)));
        return out;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        boolean[] refused = new boolean[n];
        // 1. every service checks without writing
        check(registry, registryBody(allIndexes(n)), refused);
        for (Service s : others) {
            check(s, entriesBody(allIndexes(n), null), refused);
        }
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!refused[i]) {
                accepted.add(i);
            } else {
                rejected++;
            }
        }
        // 2. the registry writes the cases and answers their numbers; 3. the others write onto them
        if (!accepted.isEmpty()) {
            String[] cases = new String[n];
            JsonNode results = results(registry, send(registry, registryBody(accepted), false), accepted.size());
            List<Integer> withCase = new ArrayList<>();
            for (int k = 0; k < accepted.size(); k++) {
                int i = accepted.get(k);
                JsonNode r = results.get(k);
                if (count(registry, r, i)) {
                    cases[i] = r.path("caseId").asText();
                    withCase.add(i);
                }
            }
            boolean[] complete = new boolean[n];
            withCase.forEach(i -> complete[i] = true);
            for (Service s : others) {
                if (withCase.isEmpty()) {
                    break;
                }
                JsonNode answer = results(s, send(s, entriesBody(withCase, cases), false), withCase.size());
                for (int k = 0; k < withCase.size(); k++) {
                    if (!count(s, answer.get(k), withCase.get(k))) {
                        complete[withCase.get(k)] = false;
                    }
                }
            }
            for (int i : withCase) {
                if (complete[i]) {
                    households++;
                } else {
                    rejected++;
                }
            }
            rejected += accepted.size() - withCase.size();
        }
        batches++;
        pending.clear();
        lines.clear();
        pendingBytes = 0;
    }

    private static List<Integer> allIndexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    private void check(Service s, String body, boolean[] refused) {
        JsonNode results = results(s, send(s, body, true), pending.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            if (r.path("status").asText().equals("REJECTED")) {
                if (!refused[i]) {
                    problems(s, r, i);
                }
                refused[i] = true;
            }
        }
    }

    private JsonNode results(Service s, JsonNode answer, int expected) {
        JsonNode results = answer.path("results");
        if (results.size() != expected) {
            throw new IllegalStateException(s.name() + " answered " + results.size() + " results for " + expected + " households");
        }
        return results;
    }

    /** Counts one household's result at a service; true when the service holds its part now. */
    private boolean count(Service s, JsonNode r, int i) {
        long[] c = counts.get(s.name());
        switch (r.path("status").asText()) {
            case "MIGRATED" -> {
                c[0]++;
                return true;
            }
            case "ALREADY_MIGRATED" -> {
                c[1]++;
                return true;
            }
            default -> {
                c[2]++;
                problems(s, r, i);
                return false;
            }
        }
    }

    private void problems(Service s, JsonNode r, int i) {
        for (JsonNode p : r.path("problems")) {
            ObjectNode n = Validation.JSON.createObjectNode();
            n.put("line", lines.get(i));
            n.put("householdId", r.path("householdId").asText());
            n.put("field", p.path("field").asText());
            n.put("reason", "rejected by " + s.name() + ": " + p.path("reason").asText());
            try {
                report.write(n.toString());
                report.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String registryBody(List<Integer> indexes) {
        ObjectNode body = Validation.JSON.createObjectNode();
        body.put("runId", runId);
        ArrayNode list = body.putArray("households");
        indexes.forEach(i -> list.add(pending.get(i)));
        return body.toString();
    }

    /** Households with their cases; for a check, a placeholder number of the household's municipality. */
    private String entriesBody(List<Integer> indexes, String[] cases) {
        ObjectNode body = Validation.JSON.createObjectNode();
        body.put("runId", runId);
        ArrayNode list = body.putArray("households");
        for (int i : indexes) {
            ObjectNode e = list.addObject();
            e.put("caseId", cases == null ? "BG-" + pending.get(i).path("municipality").asText() + "-000000" : cases[i]);
            e.set("household", pending.get(i));
        }
        return body.toString();
    }

    private JsonNode send(Service s, String body, boolean dryRun) {
        URI uri = dryRun ? URI.create(s.endpoint() + "?dryRun=true") : s.endpoint();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.get())
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Validation.JSON.readTree(response.body());
                }
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException(s.name() + " refused the batch: HTTP " + response.statusCode() + " " + response.body());
                }
                last = new IllegalStateException(s.name() + ": HTTP " + response.statusCode() + " " + response.body());
            } catch (IOException e) {
                last = new UncheckedIOException(s.name() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(Duration.ofMillis(500L << Math.min(attempt, 5)));
        }
        throw new IllegalStateException("a batch failed " + ATTEMPTS + " times at " + s.name() + "; run the import again to continue", last);
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
