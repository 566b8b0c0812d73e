package de.auseinerhand.placement.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.placement.application.OpenOffers;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Load driver for matching and a command endpoint (not part of the test suite). Open loop at a
 * constant arrival rate: request i is due at start + i/rate and its latency counts from that due time,
 * so a slow answer cannot hide the queue behind it. Run with
 * {@code ./mvnw -o -pl services/job-placement test -Pbenchmark} (add {@code -Dbench.seconds=60
 * -Dbench.offers=50000}); results go to the console and to {@code target/benchmarks/matching.txt}.
 */
@QuarkusTest
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingBenchmark {

    static final String MESCHEDE = "05958032";
    static final String TOKEN = TestTokens.caseworker("cw-bench", MESCHEDE);
    static final int OFFERS = Integer.getInteger("bench.offers", 50_000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
    static final List<String> REPORT = new ArrayList<>();
    static String matchPath;
    static String employerId;
    static final java.util.Queue<String> PUBLISHED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    OpenOffers openOffers;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * 50,000 open offers spread over the twelve municipalities and 40 occupations of four main groups,
     * inserted as rows of the query table (as publishing would leave them), dated an hour back so that
     * they count as settled for the index.
     */
    @Test
    @Order(1)
    void seed() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into jp_offer (offer_id, employer_id, occupation_code, title, municipality, hours_per_week, "
                    + "wage, start_date, positions, requirements, languages, driving_licence_required, status, version, updated_at) "
                    + "select gen_random_uuid(), gen_random_uuid(), "
                    + "(array['821','822','823','825','521','522','525','513','631','633'])[1 + i % 10] || ((i / 10) % 4) || (1 + (i / 40) % 4), "
                    + "'offer ' || i, '0595800' || '0' , 10 + (i % 31), 14.00 + (i % 9), current_date + (i % 60), 1, "
                    + "case when i % 3 = 0 then array['Pflegebasiskurs'] when i % 3 = 1 then array['Staplerschein','Erste Hilfe'] else array[]::text[] end, "
                    + "case when i % 5 = 0 then array['de','en'] else array['de'] end, i % 4 = 0, 'PUBLISHED', 1, now() - interval '1 hour' "
                    + "from generate_series(1, " + OFFERS + ") as i");
            s.executeUpdate("update jp_offer set municipality = (array['05958004','05958008','05958012','05958016','05958020',"
                    + "'05958024','05958028','05958032','05958036','05958040','05958044','05958048'])[1 + abs(hashtext(offer_id::text)) % 12]");
        }
        String caseId = TestEvents.newCaseId(MESCHEDE);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1980, 3), Sex.MALE, true, de.auseinerhand.testsupport.TestClock.today().minusMonths(1));
        TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, de.auseinerhand.testsupport.TestClock.today().minusMonths(1)), caseId, MESCHEDE, 1);
        TestEvents.publish(head, caseId, MESCHEDE, 2);
        Eventually.assertSoon(() -> given().auth().oauth2(TOKEN).get("/api/v1/known-cases/{id}", caseId).then().statusCode(200)
                .body("persons", hasSize(1)));
        given().auth().oauth2(TOKEN).contentType("application/json").header("If-Match", "\"0\"").body("""
                {"qualifications": ["Pflegebasiskurs"], "occupationsSought": ["82102", "82202"], "languages": ["de"],
                 "drivingLicence": true, "mobilityRadiusKm": 200, "maxHoursPerWeek": 30}""")
                .put("/api/v1/cases/{c}/placement/persons/{p}/profile", caseId, head.personId()).then().statusCode(200);
        employerId = given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"name\": \"Benchmark GmbH\", \"municipality\": \"" + MESCHEDE + "\"}").post("/api/v1/employers")
                .then().statusCode(201).extract().path("employerId");
        matchPath = "api/v1/cases/" + caseId + "/placement/persons/" + head.personId() + "/offers?limit=20";
        assertThat(get(matchPath).statusCode()).isEqualTo(200);
        assertThat(openOffers.size()).isGreaterThanOrEqualTo(OFFERS);
        REPORT.add("open offers in the index: " + openOffers.size() + " (radius 200 km: every offer is a candidate)");
    }

    /** One request at a time: the service time without queueing, for comparison with the open-loop figures. */
    @Test
    @Order(2)
    void top20OffersOneAtATime() {
        int n = 20 * WARMUP_SECONDS;
        for (int i = 0; i < n; i++) {
            get(matchPath);
        }
        long[] latencies = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            assertThat(get(matchPath).statusCode()).isEqualTo(200);
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        String line = String.format("top 20 offers among %d, one request at a time: %d requests, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms (load average %s)",
                OFFERS, n, ms(latencies, 0.5), ms(latencies, 0.9), ms(latencies, 0.99), loadAverage());
        System.out.println(line);
        REPORT.add(line);
    }

    @Test
    @Order(3)
    void top20OffersAt20RequestsPerSecond() throws Exception {
        run("top 20 offers for a client among " + OFFERS + " open offers", 20, i -> get(matchPath).statusCode());
    }

    @Test
    @Order(4)
    void publishOffersAt50RequestsPerSecond() throws Exception {
        run("publish an offer (POST /api/v1/offers: event, outbox, query table)", 50, i -> {
            HttpResponse<String> r = post("api/v1/offers", """
                    {"employerId": "%s", "occupationCode": "82102", "title": "bench %d", "municipality": "%s", "hoursPerWeek": 30,
                     "wage": 15.00, "positions": 1}""".formatted(employerId, i, MESCHEDE));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"offerId\":\"([0-9a-f-]{36})\"").matcher(r.body());
            if (m.find()) {
                PUBLISHED.add(m.group(1));
            }
            return r.statusCode();
        });
    }

    /**
     * A command on a case's placement file: propose one of the offers published before to one of 50
     * clients (scope check, offer stream, profile, explanation, append to placement-&lt;caseId&gt;,
     * query tables, audit, idempotency bookkeeping, placement view in the answer).
     */
    @Test
    @Order(5)
    void proposeOffersAt50RequestsPerSecond() throws Exception {
        List<String[]> clients = new ArrayList<>();
        String lastCase = null;
        for (int i = 0; i < 50; i++) {
            String caseId = TestEvents.newCaseId(MESCHEDE);
            PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1980, 3), Sex.FEMALE, true, de.auseinerhand.testsupport.TestClock.today().minusMonths(1));
            TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, de.auseinerhand.testsupport.TestClock.today().minusMonths(1)), caseId, MESCHEDE, 1);
            TestEvents.publish(head, caseId, MESCHEDE, 2);
            clients.add(new String[] {caseId, head.personId().toString()});
            lastCase = caseId;
        }
        String awaited = lastCase;
        Eventually.assertSoon(() -> given().auth().oauth2(TOKEN).get("/api/v1/known-cases/{id}", awaited).then().statusCode(200));
        for (String[] c : clients) {
            Eventually.assertSoon(() -> given().auth().oauth2(TOKEN).get("/api/v1/known-cases/{id}", c[0]).then().statusCode(200));
            given().auth().oauth2(TOKEN).contentType("application/json").header("If-Match", "\"0\"").body("""
                    {"qualifications": ["Pflegebasiskurs"], "occupationsSought": ["82102"], "languages": ["de"],
                     "mobilityRadiusKm": 30, "maxHoursPerWeek": 30}""")
                    .put("/api/v1/cases/{c}/placement/persons/{p}/profile", c[0], c[1]).then().statusCode(200);
        }
        List<String> offerIds = new ArrayList<>(PUBLISHED);
        run("propose an offer to a client (POST …/placement/persons/{id}/proposals, 50 clients)", 50, i -> {
            String[] c = clients.get(i % clients.size());
            String offer = offerIds.get((i - 1) % offerIds.size());
            return post("api/v1/cases/" + c[0] + "/placement/persons/" + c[1] + "/proposals",
                    "{\"offerId\": \"" + offer + "\"}").statusCode();
        });
    }

    @Test
    @Order(6)
    void report() throws IOException {
        Path out = Path.of("target/benchmarks/matching.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
        REPORT.forEach(System.out::println);
    }

    private void run(String name, int rate, IntFunction<Integer> request) throws Exception {
        AtomicInteger counter = new AtomicInteger();
        phase(rate, WARMUP_SECONDS, request, counter);
        long[] latencies = phase(rate, SECONDS, request, counter);
        Arrays.sort(latencies);
        int errors = (int) Arrays.stream(latencies).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        String line = String.format("%s, %d requests/s for %d s: %d requests, %d errors, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (load average %s)",
                name, rate, SECONDS, latencies.length, errors, ms(ok, 0.50), ms(ok, 0.90), ms(ok, 0.99), ms(ok, 1.0), loadAverage());
        System.out.println(line);
        REPORT.add(line);
    }

    /** Latency in nanoseconds from each request's due time, -1 for an error. */
    private long[] phase(int rate, int seconds, IntFunction<Integer> request, AtomicInteger counter) throws Exception {
        int n = rate * seconds;
        long period = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> results = new ArrayList<>(n);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            results.add(pool.submit(() -> {
                int status = request.apply(counter.incrementAndGet());
                long latency = System.nanoTime() - due;
                return status >= 200 && status < 300 ? latency : -1L;
            }));
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = results.get(i).get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return out;
    }

    /** The machine's 1/5/15-minute load averages: the cores are shared with other builds. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, idx)] / 1_000_000.0;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN).GET().build());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
