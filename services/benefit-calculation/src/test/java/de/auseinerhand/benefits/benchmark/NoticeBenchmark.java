package de.auseinerhand.benefits.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.benefits.notices.NoticeComposer;
import de.auseinerhand.benefits.notices.NoticeModel;
import de.auseinerhand.benefits.notices.NoticePdf;
import de.auseinerhand.benefits.notices.Notices;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.AdditionalNeedAmount;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.servicekit.keys.PersonKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Notices at volume: 10,000 decisions (as after a rule change) each with 12 stored sheets and a head whose data is encrypted
 * with a real person key; the notice queue is drained by one thread (one core for the rendering; PostgreSQL runs beside
 * it), then a render-only loop. Targets: at least 20 notices per second on one core; 10,000 in minutes. Run:
 * {@code ./mvnw test -pl services/benefit-calculation -Pbenchmark -Dtest=NoticeBenchmark} ({@code -Dbench.notices=N}).
 */
@QuarkusTest
@TestProfile(NoticeBenchmark.WorkerOff.class)
@Tag("benchmark")
class NoticeBenchmark {

    /** The worker thread is off: the benchmark drains the queue itself, on one thread, and times it. */
    public static class WorkerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aeh.notices.worker.enabled", "false");
        }
    }

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    PersonKeys keys;

    @Inject
    Notices notices;

    @Inject
    NoticePdf pdf;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void tenThousandNotices() throws Exception {
        int count = Integer.getInteger("bench.notices", 10_000);
        YearMonth from = YearMonth.of(2026, 1);
        JsonNode template;
        try (InputStream in = getClass().getResourceAsStream("/approved/sheet-single-with-wage.json")) {
            template = EventCodec.instance().mapper().readTree(in);
        }
        long s0 = System.nanoTime();
        for (int i = 0; i < count; i += 250) {
            int start = i;
            QuarkusTransaction.requiringNew().run(() -> seed(start, Math.min(count, start + 250), from, template));
        }
        long seeded = System.nanoTime();
        int drained = notices.drain();
        long done = System.nanoTime();
        double seconds = (done - seeded) / 1e9;
        System.out.printf("seeded %d decisions in %.1f s; issued %d notices in %.1f s: %.1f notices/s (one thread)%n", count,
                (seeded - s0) / 1e9, drained, seconds, drained / seconds);
        var render = meters.timer("aeh.notices.render");
        var issue = meters.timer("aeh.notices.issue");
        System.out.printf("per notice (mean): issue %.1f ms, of which rendering %.1f ms; the rest is the transaction's commit and the claim%n",
                issue.mean(java.util.concurrent.TimeUnit.MILLISECONDS), render.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        assertThat(drained).isEqualTo(count);
        assertThat(count(("select count(*) from benefit_notice where case_id like 'BG-05958032-9%'"))).isEqualTo(count);

        // rendering alone: the template and the PDF of one notice, 500 times
        NoticeModel model = sampleModel(template);
        for (int i = 0; i < 50; i++) {
            pdf.render(model);
        }
        long r0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < 500; i++) {
            bytes += pdf.render(model).length;
        }
        double renderSeconds = (System.nanoTime() - r0) / 1e9;
        System.out.printf("rendering only: 500 notices in %.2f s: %.1f notices/s, %.1f ms each, %d bytes each%n", renderSeconds,
                500 / renderSeconds, renderSeconds * 1000 / 500, bytes / 500);
    }

    private void seed(int from, int to, YearMonth start, JsonNode template) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement kc = c.prepareStatement(
                        "insert into known_case (case_id, municipality, opened_on, updated_at) values (?, '05958032', ?, now())");
                PreparedStatement kp = c.prepareStatement("insert into known_person (person_id, case_id, role, birth_year_month, sex, employable, "
                        + "single_parent, joined_on, erased, registered_on, employability_recorded, pii_key_id, pii_algorithm, pii_ciphertext) "
                        + "values (?, ?, 'HEAD', '1988-04', 'FEMALE', true, false, ?, false, ?, false, ?, ?, ?)");
                PreparedStatement sh = c.prepareStatement("insert into decision_sheet (decision_id, month, version, case_id, recorded_at, sheet) "
                        + "values (?, ?, 2, ?, now(), ?::jsonb)")) {
            Map<String, UUID> heads = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                String caseId = String.format("BG-05958032-9%05d", i);
                UUID head = UUID.randomUUID();
                heads.put(caseId, head);
                var pii = keys.encrypt(head, Map.of("firstName", "Erika", "lastName", "Muster-" + i, "birthDate", "1988-04-12",
                        "address", "Ruhrstraße " + (i % 200 + 1) + ", 59872 Meschede"));
                kc.setString(1, caseId);
                kc.setObject(2, start.atDay(1));
                kc.addBatch();
                kp.setObject(1, head);
                kp.setString(2, caseId);
                kp.setObject(3, start.atDay(1));
                kp.setObject(4, start.atDay(1));
                kp.setString(5, pii.keyId());
                kp.setString(6, pii.alg());
                kp.setString(7, pii.ciphertext());
                kp.addBatch();
            }
            kc.executeBatch();
            kp.executeBatch();
            for (Map.Entry<String, UUID> e : heads.entrySet()) {
                String caseId = e.getKey();
                UUID decision = UUID.randomUUID();
                PersonEntitlement head = new PersonEntitlement(e.getValue(), new BigDecimal("563.00"),
                        List.of(new AdditionalNeedAmount("ADDITIONAL_NEED_HOT_WATER (§ 21(7) SGB II)", new BigDecimal("12.95"))),
                        new BigDecimal("480.00"), new BigDecimal("372.00"), new BigDecimal("203.95"), new BigDecimal("480.00"),
                        new BigDecimal("683.95"));
                List<EventData> events = List.of(new ApplicationReceived(start.atDay(2), start.atDay(1)),
                        new EntitlementDecided(decision, new Period(start.atDay(1), start.plusMonths(11).atEndOfMonth()), false, "2026-01",
                                List.of(head), new BigDecimal("683.95"), new BigDecimal("203.95"), new BigDecimal("480.00"), null, null, null));
                List<StoredEvent> stored = store.append(DecisionService.stream(caseId), 0,
                        events.stream().map(d -> new NewEvent(d, caseId, "05958032")).toList(), EventMetadata.system("user:seed"));
                for (int m = 0; m < 12; m++) {
                    YearMonth month = start.plusMonths(m);
                    sh.setObject(1, decision);
                    sh.setString(2, month.toString());
                    sh.setString(3, caseId);
                    sh.setString(4, sheet(template, month, e.getValue()).toString());
                    sh.addBatch();
                }
                sh.executeBatch();
                notices.enqueue(caseId, new ArrayList<>(stored), null);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode sheet(JsonNode template, YearMonth month, UUID head) {
        ObjectNode s = template.deepCopy();
        s.put("month", month.toString());
        s.put("from", month.atDay(1).toString());
        s.put("to", month.atEndOfMonth().toString());
        ((ObjectNode) s.get("members").get(0)).put("memberId", head.toString());
        return s;
    }

    private NoticeModel sampleModel(JsonNode template) {
        List<JsonNode> sheets = new ArrayList<>();
        UUID head = UUID.randomUUID();
        for (int m = 0; m < 12; m++) {
            sheets.add(sheet(template, YearMonth.of(2026, 1).plusMonths(m), head));
        }
        EntitlementDecided d = new EntitlementDecided(UUID.randomUUID(), new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), false,
                "2026-01", List.of(), new BigDecimal("683.95"), new BigDecimal("203.95"), new BigDecimal("480.00"), null, null, null);
        StoredEvent source = new StoredEvent(1, EventCodec.envelope(UUID.randomUUID(), d, "BG-05958032-000001", java.time.Instant.parse("2026-01-05T09:00:00Z"),
                "05958032", "benefits-BG-05958032-000001", 2, UUID.randomUUID(), null, "user:cw", null), d);
        return NoticeComposer.compose(new NoticeComposer.Input(UUID.randomUUID(), "BG-05958032-000001", LocalDate.of(2026, 1, 5), source,
                List.of(), sheets, Map.of(head, new NoticeComposer.Person(head, "HEAD", "Erika", "Muster", LocalDate.of(1988, 4, 12),
                        "Ruhrstraße 5, 59872 Meschede", false)), head, null, null,
                new NoticeModel.Office("Jobcenter Hochsauerlandkreis", "Steinstraße 27", "59872 Meschede", null), "Bürgergeld"));
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
