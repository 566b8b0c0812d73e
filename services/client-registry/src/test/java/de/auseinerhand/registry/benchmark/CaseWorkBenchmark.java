package de.auseinerhand.registry.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The case worker's reads at district scale (issue 16): the worklist of a case worker with 150 cases among 10,000 cases with
 * five items each, paced at 20 requests/s; the case file of a household with 500 events, paced at 20 requests/s, with its
 * employable member's five best offers ranked among {@code bench.offers} (default 50,000) open offers of the district, every
 * one within her mobility radius (the worst case for ranking). Latency
 * is measured by the client over HTTP (token check, audit record and JSON included). Run:
 * {@code ./mvnw test -pl services/client-registry -Pbenchmark -Dtest=CaseWorkBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class CaseWorkBenchmark {
    static final String MESCHEDE = "05958032";

    @Inject
    DataSource dataSource;

    @Test
    void worklistAndCaseFileAtDistrictScale() throws Exception {
        LocalDate today = TestClock.today();
        String me = "cw-bench-" + UUID.randomUUID().toString().substring(0, 6);
        seedWorklist(me, today);
        String token = TestTokens.caseworker(me, MESCHEDE);
        long[] list = paced(token, "/api/v1/worklist?limit=50", 20, 600);
        Response one = given().auth().oauth2(token).get("/api/v1/worklist?limit=50");
        System.out.printf("worklist (150 of 10,000 cases, 50,000 items, page of %d): 600 requests at 20/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                one.jsonPath().getList("items").size(), ms(list, 50), ms(list, 99), ms(list, 100));

        int offers = Integer.getInteger("bench.offers", 50_000);
        seedOffers(offers);
        String caseId = seedCaseFile(token, today);
        long[] file = paced(token, "/api/v1/cases/" + caseId + "/file", 20, 300);
        int events = given().auth().oauth2(token).get("/api/v1/cases/{id}/file", caseId).jsonPath().getList("timeline").size();
        System.out.printf("case file with %d events and the best offers among %,d open offers: 300 requests at 20/s: p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", events, offers, ms(file, 50), ms(file, 99), ms(file, 100));
        assertThat(events).isGreaterThanOrEqualTo(500);
        assertThat(given().auth().oauth2(token).get("/api/v1/cases/{id}/file", caseId).jsonPath().getList("placement.assistance[0].bestOffers"))
                .hasSize(5);
    }

    /**
     * GET requests at a fixed rate (the next one starts on its slot, or at once when the previous one ran late), with the JDK's
     * HTTP client (light: the latency is the server's, not a test framework's); latencies in ns, sorted.
     */
    static long[] paced(String token, String path, int perSecond, int count) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + path)).header("Authorization", "Bearer " + token).build();
        for (int i = 0; i < 30; i++) {
            assertThat(client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] out = new long[count];
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long t0 = System.nanoTime();
            int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
            out[i] = System.nanoTime() - t0;
            assertThat(status).isEqualTo(200);
            next += interval;
        }
        Arrays.sort(out);
        return out;
    }

    static double ms(long[] sorted, int percentile) {
        int i = percentile >= 100 ? sorted.length - 1 : (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private void seedWorklist(String me, LocalDate today) throws SQLException {
        String[] towns = {"05958004", "05958012", "05958032", "05958040", "05958044"};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cd = c.prepareStatement("insert into case_directory (case_id, municipality, status, opened_on, "
                    + "benefits_caseworker, placement_caseworker, version) values (?, ?, 'OPEN', ?, ?, ?, 1) on conflict do nothing");
                    PreparedStatement wi = c.prepareStatement("insert into work_item (case_id, item_id, kind, function, person_id, visible_from, "
                            + "due_on, expires_on, detail) values (?, ?, ?, ?, ?, ?, ?, null, ?) on conflict do nothing");
                    PreparedStatement elb = c.prepareStatement("insert into case_elb (case_id, person_id, birth_year_month) values (?, ?, ?) "
                            + "on conflict do nothing")) {
                String[] kinds = {"CONTINUATION_DUE", "PLAN_REVIEW_DUE", "MEASURE_ENDING", "INTEGRATION_CHECK_DUE", "PROFILE_MISSING"};
                for (int i = 0; i < 10_000; i++) {
                    boolean mine = i < 150;
                    String caseId = String.format("BG-%s-9%05d", mine ? MESCHEDE : towns[i % towns.length], i);
                    cd.setString(1, caseId);
                    cd.setString(2, mine ? MESCHEDE : towns[i % towns.length]);
                    cd.setObject(3, today.minusYears(2));
                    cd.setString(4, mine ? me : "cw-bench-other-" + (i % 70));
                    cd.setString(5, mine ? me : "pv-bench-other-" + (i % 70));
                    cd.addBatch();
                    for (int k = 0; k < kinds.length; k++) {
                        LocalDate due = today.plusDays((i * 7 + k * 11) % 120 - 30);
                        wi.setString(1, caseId);
                        wi.setString(2, kinds[k] + ":" + i);
                        wi.setString(3, kinds[k]);
                        wi.setString(4, k == 0 ? "BENEFITS" : "PLACEMENT");
                        wi.setObject(5, UUID.randomUUID());
                        wi.setObject(6, due.minusDays(14));
                        wi.setObject(7, due);
                        wi.setString(8, "Benchmark item " + kinds[k]);
                        wi.addBatch();
                    }
                    elb.setString(1, caseId);
                    elb.setObject(2, UUID.randomUUID());
                    elb.setString(3, YearMonth.from(today).minusYears(20 + i % 40).toString());
                    elb.addBatch();
                    if (i % 1_000 == 999) {
                        cd.executeBatch();
                        wi.executeBatch();
                        elb.executeBatch();
                    }
                }
                cd.executeBatch();
                wi.executeBatch();
                elb.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * Open offers in the 12 towns (all within 50 km of Meschede), occupations drawn from 300 codes, 0–3 requirements;
     * published ten minutes ago, as a district's stock is: a read re-reads only what changed within the index's overlap.
     */
    private void seedOffers(int n) throws SQLException {
        String[] towns = {"05958004", "05958008", "05958012", "05958016", "05958020", "05958024", "05958028", "05958032", "05958036",
                "05958040", "05958044", "05958048"};
        String[] quals = {"pflegebasiskurs", "staplerschein", "erste hilfe", "schweißen", "buchhaltung"};
        java.util.Random r = new java.util.Random(16);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into open_offer (offer_id, "
                + "occupation_code, title, municipality, hours_per_week, start_date, requirements, languages, driving_licence_required, "
                + "open, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, now() - interval '10 minutes')")) {
            for (int i = 0; i < n; i++) {
                String code = String.valueOf(10000 + r.nextInt(300) * 299);
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, i % 50 == 0 ? "82102" : code);
                ps.setString(3, "Stelle " + i);
                ps.setString(4, towns[r.nextInt(towns.length)]);
                ps.setBigDecimal(5, BigDecimal.valueOf(10 + r.nextInt(31)));
                ps.setObject(6, r.nextBoolean() ? null : TestClock.today().plusDays(r.nextInt(90)));
                String[] req = new String[r.nextInt(4)];
                for (int k = 0; k < req.length; k++) {
                    req[k] = quals[r.nextInt(quals.length)];
                }
                ps.setArray(7, c.createArrayOf("text", req));
                ps.setArray(8, c.createArrayOf("text", r.nextBoolean() ? new String[] {"de"} : new String[0]));
                ps.setBoolean(9, r.nextInt(4) == 0);
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A household opened through the API, plus 500 published benefit and placement events of five years. */
    private String seedCaseFile(String token, LocalDate today) throws SQLException {
        Response opened = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("municipality", MESCHEDE, "openedOn", today.minusYears(5).toString())).post("/api/v1/cases");
        String caseId = opened.path("caseId");
        Response person = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", opened.header("ETag"))
                .body(Map.of("role", "HEAD", "firstName", "Erika", "lastName", "Muster", "birthDate", "1980-05-01", "sex", "FEMALE",
                        "employable", true))
                .post("/api/v1/cases/{id}/persons", caseId);
        UUID head = UUID.fromString(person.path("personId"));
        EventCodec codec = EventCodec.instance();
        List<EventData> events = new ArrayList<>();
        events.add(new de.auseinerhand.events.placement.ClientProfileRecorded(head, List.of("Pflegebasiskurs", "Staplerschein"),
                List.of("82102", "51312"), 50, List.of("Kinderbetreuung"), List.of("de"), true, 3, new BigDecimal("30"), today));
        UUID decision = UUID.randomUUID();
        LocalDate start = YearMonth.from(today).minusYears(5).atDay(1);
        events.add(new EntitlementDecided(decision, new Period(start, start.plusYears(6)), false, "2026-07", List.of(), new BigDecimal("1043.00"),
                new BigDecimal("563.00"), new BigDecimal("480.00"), null, null, null));
        for (int i = 0; events.size() < 500; i++) {
            YearMonth m = YearMonth.from(start).plusMonths(i % 60);
            events.add(new MonthlyEntitlementPosted(m, List.of(), new BigDecimal("563.00"), new BigDecimal("480.00"), BigDecimal.ZERO.setScale(2),
                    new BigDecimal("1043.00")));
            events.add(new EntitlementAmended(decision, m.atDay(1), "facts changed from " + m, "2026-07", List.of(), new BigDecimal("1043.00"),
                    new BigDecimal("563.00"), new BigDecimal("480.00")));
            events.add(new PlacementProposed(head, UUID.randomUUID(), new BigDecimal("0.71"), List.of("occupation matches")));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into case_file_event (event_id, case_id, type, recorded_at, envelope) values (?, ?, ?, ?, ?::jsonb)")) {
            Instant t = Instant.parse("2022-01-01T08:00:00Z");
            for (int i = 0; i < events.size(); i++) {
                var e = EventCodec.envelope(UUID.randomUUID(), events.get(i), caseId, t.plusSeconds(3_600L * i), MESCHEDE, "benefits-" + caseId, i + 1,
                        UUID.randomUUID(), null, "user:" + "cw-bench", null);
                ps.setObject(1, e.id());
                ps.setString(2, caseId);
                ps.setString(3, e.type());
                ps.setTimestamp(4, java.sql.Timestamp.from(e.time()));
                ps.setString(5, codec.toJson(e));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return caseId;
    }
}
