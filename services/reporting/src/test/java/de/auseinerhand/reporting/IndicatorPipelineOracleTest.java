package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.EmployabilityBasis;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.UnemploymentStarted;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.reporting.projection.CaseEventsConsumer;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Oracle test through the whole path: a seeded random history of some 220 cases in four municipalities
 * over 54 months is generated <em>as events</em> (cases opened, moved (some moves recorded months late)
 * and closed, persons registered, leaving and joining again, provisional decisions replaced by final
 * ones, amendments recorded on time and months later, terminations, gaps in receipt, integrations (some
 * recorded late, some twice), ends of employment, measures, unemployment), published to the broker,
 * applied by the live projection, loaded by {@code FactsRepository} and computed by {@code IndicatorEngine}
 * behind {@code /api/v1/indicators}. Every figure an analyst sees for these municipalities, in total and by
 * sex, for several months, {@code asOf} dates and both modes, is compared with a straightforward
 * computation, day by day, from the generated event list only (the {@link Oracle} below, which knows
 * nothing of the facts tables, the repository or the engine), with the small-count suppression applied.
 *
 * <p>Only this test writes cases of Bestwig, Marsberg, Olsberg and Schmallenberg; other test classes share
 * the boot and the database, so the district row (which sums everybody) is not compared.
 */
@QuarkusTest
class IndicatorPipelineOracleTest {
    /** Bestwig, Marsberg, Olsberg, Schmallenberg: used by no other test of this module. */
    static final List<String> TOWNS = List.of("05958008", "05958024", "05958036", "05958040");
    /** Another history: -Doracle.seed=N (through -DargLine). */
    static final long SEED = Long.getLong("oracle.seed", 4_815_162_342L);
    static final int CASES = 220;
    static final YearMonth FIRST = YearMonth.of(2022, 1);
    static final YearMonth LAST = YearMonth.of(2026, 6);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int THRESHOLD = 3;
    static final String ANALYST = TestTokens.analyst();
    /** Legal bases used by the generator, and whether each counts as active labour-market policy (reference/active-measures.json v1). */
    static final Map<String, Boolean> LEGAL_BASES = Map.of(
            "§ 16 SGB II i.V.m. § 45 SGB III", true,
            "§ 16d SGB II", true,
            "§ 16i SGB II", true,
            "§ 16a Nr. 2 SGB II", true,
            "§ 16 SGB II i.V.m. § 131a SGB III", false,
            "§ 22 SGB II", false);

    @Inject
    ConsumerStatus status;

    /** One generated event with its recording time (the envelope's {@code time}). */
    record Recorded(EventData data, String caseId, Instant at) {
    }

    /** One query of the API. */
    record Query(YearMonth month, LocalDate asOf, boolean finalMode) {
        String mode() {
            return finalMode ? "final" : "early";
        }
    }

    @Test
    void everyFigureThroughProjectionRepositoryAndApiAgreesWithADayByDayComputationOfTheEvents() throws Exception {
        List<Recorded> events = new Generator(new Random(SEED)).generate();
        long deadLetteredBefore = status.deadLettered(CaseEventsConsumer.CONSUMER);
        publish(events);
        TestKafka.awaitConsumed(TestKafka.CASE_EVENTS, () -> status.checkpoints(CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS));
        assertThat(status.deadLettered(CaseEventsConsumer.CONSUMER)).as("dead-lettered events").isEqualTo(deadLetteredBefore);

        List<Query> queries = List.of(
                new Query(YearMonth.of(2025, 3), LocalDate.of(2025, 4, 10), false),
                new Query(YearMonth.of(2025, 3), LocalDate.of(2025, 6, 15), true),
                new Query(YearMonth.of(2025, 3), LocalDate.of(2025, 9, 30), false),
                new Query(YearMonth.of(2025, 3), LocalDate.of(2025, 9, 30), true),
                new Query(YearMonth.of(2024, 9), LocalDate.of(2026, 11, 20), true),
                new Query(YearMonth.of(2026, 2), LocalDate.of(2026, 3, 5), false),
                new Query(YearMonth.of(2026, 2), LocalDate.of(2026, 11, 20), false),
                new Query(YearMonth.of(2026, 2), LocalDate.of(2026, 11, 20), true));
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<String> mismatches = new ArrayList<>();
        Map<Query, Map<String, Object>> expectedByQuery = new HashMap<>();
        int compared = 0;
        for (Query q : queries) {
            Oracle oracle = new Oracle(events, cutoff(q));
            boolean finalFigures = !q.asOf().plusDays(1).atStartOfDay(BERLIN).toInstant().isBefore(waitingEnd(q.month()));
            Map<String, Object> all = new LinkedHashMap<>();
            for (String town : TOWNS) {
                for (String sex : List.of("ALL", "FEMALE", "MALE")) {
                    String body = given().auth().oauth2(ANALYST).queryParam("month", q.month().toString()).queryParam("asOf", q.asOf().toString())
                            .queryParam("mode", q.mode()).queryParam("municipality", town).queryParam("sex", sex)
                            .get("/api/v1/indicators").then().statusCode(200).extract().asString();
                    JsonNode root = json.readTree(body);
                    String at = q.month() + " asOf " + q.asOf() + " " + q.mode() + " " + town + " " + sex;
                    if (root.get("finalFigures").asBoolean() != finalFigures || !root.get("mode").asText().equals(q.mode())) {
                        mismatches.add(at + ": finalFigures " + root.get("finalFigures") + ", mode " + root.get("mode"));
                    }
                    assertThat(root.get("rows")).as(at + " rows").hasSize(1);
                    JsonNode row = root.get("rows").get(0);
                    Map<String, Object> expected = oracle.row(town, sex, q.month());
                    for (Map.Entry<String, Object> e : expected.entrySet()) {
                        String name = e.getKey();
                        JsonNode got = name.startsWith("K") ? row.get("indicators").get(name) : row.get("figures").get(name);
                        Object want = e.getValue();
                        compared++;
                        if (!same(got, want)) {
                            mismatches.add(at + " " + name + ": API " + got + ", oracle " + want);
                        }
                        all.put(town + "|" + sex + "|" + name, want);
                    }
                }
            }
            expectedByQuery.put(q, all);
        }
        assertThat(mismatches).as("figures differing between the API and the oracle (" + compared + " compared)").isEmpty();
        // the history exercises what it should: late records change a past month, and the waiting time cuts them off
        assertThat(expectedByQuery.get(queries.get(0))).as("2025-03 known in April vs September").isNotEqualTo(expectedByQuery.get(queries.get(2)));
        assertThat(expectedByQuery.get(queries.get(2))).as("2025-03 early vs final").isNotEqualTo(expectedByQuery.get(queries.get(3)));
        assertThat(expectedByQuery.get(queries.get(6))).as("2026-02 early vs final").isNotEqualTo(expectedByQuery.get(queries.get(7)));
        assertThat(expectedByQuery.get(queries.get(2)).values().stream().filter(v -> v instanceof Long).mapToLong(v -> (Long) v).max()
                .orElse(0)).as("largest count").isGreaterThan(20);
    }

    static boolean same(JsonNode got, Object want) {
        if (got == null) {
            return false;
        }
        if (want == null) {
            return got.isNull();
        }
        if (got.isNull()) {
            return false;
        }
        if (want instanceof Long n) {
            return got.isIntegralNumber() && got.asLong() == n;
        }
        return got.decimalValue().compareTo((BigDecimal) want) == 0;
    }

    /** Knowledge of the query: everything recorded by the end of asOf; final figures only what was recorded by the end of M+3. */
    static Instant cutoff(Query q) {
        Instant asOf = q.asOf().plusDays(1).atStartOfDay(BERLIN).toInstant();
        Instant waitingEnd = waitingEnd(q.month());
        return q.finalMode() && !asOf.isBefore(waitingEnd) ? waitingEnd : asOf;
    }

    static Instant waitingEnd(YearMonth m) {
        return m.plusMonths(4).atDay(1).atStartOfDay(BERLIN).toInstant();
    }

    /** As the outbox relay would: in order of recording, keyed by case, stream versions counted per case; one producer for all. */
    static void publish(List<Recorded> events) throws Exception {
        Map<String, Long> versions = new HashMap<>();
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            for (Recorded e : events) {
                long version = versions.merge(e.caseId(), 1L, Long::sum);
                EventEnvelope envelope = EventCodec.envelope(UUID.randomUUID(), e.data(), e.caseId(), e.at(), e.caseId().substring(3, 11),
                        "test-" + e.caseId(), version, UUID.randomUUID(), null, "user:test", null);
                ProducerRecord<String, String> record = new ProducerRecord<>(TestKafka.CASE_EVENTS, e.caseId(),
                        EventCodec.instance().toJson(envelope));
                record.headers().add("content-type", EventEnvelope.CLOUDEVENTS_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The generator: random histories as events.
    // ------------------------------------------------------------------------------------------------

    static final class Generator {
        final Random r;
        final List<Recorded> out = new ArrayList<>();
        long micros;

        Generator(Random r) {
            this.r = r;
        }

        /** A realistic recording time on {@code day}: office hours in Berlin, every one distinct. */
        Instant on(LocalDate day) {
            return day.atTime(7 + r.nextInt(10), r.nextInt(60), r.nextInt(60)).atZone(BERLIN).toInstant().plus(++micros, ChronoUnit.MICROS);
        }

        void add(EventData data, String caseId, Instant at) {
            out.add(new Recorded(data, caseId, at));
        }

        List<Recorded> generate() {
            for (int i = 0; i < CASES; i++) {
                generateCase(i);
            }
            out.sort(Comparator.comparing(Recorded::at));
            return out;
        }

        PersonRegistered person(PersonRole role, YearMonth born, boolean employable, boolean singleParent, LocalDate from) {
            int s = r.nextInt(20);
            Sex sex = s < 9 ? Sex.FEMALE : s < 19 ? Sex.MALE : Sex.DIVERSE;
            return new PersonRegistered(UUID.randomUUID(), role, born, sex, employable, singleParent, from, null,
                    new EncryptedPii("pk-test", EncryptedPii.AES_256_GCM, "AAAAAAAAAAAAAAAA"));
        }

        void generateCase(int n) {
            String town = TOWNS.get(r.nextInt(TOWNS.size()));
            String caseId = String.format("BG-%s-66%04d", town, n);
            LocalDate opened = FIRST.plusMonths(r.nextInt(40)).atDay(1 + r.nextInt(28));
            Instant openedAt = on(opened.plusDays(r.nextInt(4)));
            add(new CaseOpened(caseId, town, opened), caseId, openedAt);
            // members: a head (some born 1957/58, who reach 67 inside the history), maybe a partner, maybe a child who turns 15
            List<PersonRegistered> members = new ArrayList<>();
            boolean partner = r.nextInt(5) < 2;
            boolean child = r.nextInt(3) == 0;
            members.add(person(PersonRole.HEAD, YearMonth.of(1957 + r.nextInt(46), 1 + r.nextInt(12)), r.nextInt(8) > 0,
                    child && !partner && r.nextBoolean(), opened));
            if (partner) {
                members.add(person(PersonRole.PARTNER, YearMonth.of(1960 + r.nextInt(44), 1 + r.nextInt(12)), r.nextInt(5) > 0, false, opened));
            }
            if (child) {
                // the registry refuses "employable" under 15: a child registered younger counts from the 15th birthday
                YearMonth born = YearMonth.of(2006 + r.nextInt(10), 1 + r.nextInt(12));
                members.add(person(PersonRole.CHILD, born, !YearMonth.from(opened).isBefore(born.plusYears(15)), false, opened));
            }
            for (PersonRegistered p : members) {
                add(p, caseId, openedAt.plusSeconds(60));
                placement(caseId, p);
                // now and then a finding on the ability to work (§ 44a), some reversed later; some recorded late
                if (r.nextInt(7) == 0) {
                    LocalDate found = YearMonth.from(opened).plusMonths(1 + r.nextInt(30)).atDay(1 + r.nextInt(28));
                    add(new EmployabilityChanged(p.personId(), false, found, EmployabilityBasis.MEDICAL_FINDING), caseId,
                            on(r.nextInt(3) == 0 ? found.plusMonths(1 + r.nextInt(3)) : found.plusDays(r.nextInt(5))));
                    if (r.nextBoolean()) {
                        LocalDate again = found.plusMonths(2 + r.nextInt(10)).withDayOfMonth(1 + r.nextInt(28));
                        add(new EmployabilityChanged(p.personId(), true, again, EmployabilityBasis.CASEWORKER_ASSESSMENT), caseId,
                                on(again.plusDays(r.nextInt(5))));
                    }
                }
            }
            // moves between the four municipalities; a third recorded one to four months late
            LocalDate moved = opened;
            String current = town;
            for (int k = 0; k < 2 && r.nextInt(3) == 0; k++) {
                moved = YearMonth.from(moved).plusMonths(2 + r.nextInt(20)).atDay(2 + r.nextInt(27));
                String to = TOWNS.get((TOWNS.indexOf(current) + 1 + r.nextInt(TOWNS.size() - 1)) % TOWNS.size());
                add(new CaseMoved(current, to, moved), caseId, on(r.nextInt(3) == 0 ? moved.plusMonths(1 + r.nextInt(4)) : moved.plusDays(r.nextInt(5))));
                current = to;
            }
            // approval periods, one after the other, sometimes with a gap
            List<PersonRegistered> present = new ArrayList<>(members);
            List<PersonRegistered> away = new ArrayList<>();
            YearMonth from = YearMonth.from(opened);
            Instant terminationAt = null;
            while (!from.isAfter(LAST)) {
                for (PersonRegistered p : new ArrayList<>(away)) {
                    if (r.nextBoolean()) {
                        away.remove(p);
                        present.add(p);
                        add(new PersonJoinedCase(p.personId(), p.role(), from.atDay(1), "back"), caseId, on(from.atDay(1).minusDays(12)));
                    }
                }
                YearMonth to = from.plusMonths(r.nextInt(3) == 0 ? 5 : 11);
                boolean provisional = r.nextInt(5) == 0;
                UUID decision = UUID.randomUUID();
                Instant decidedAt = on(from.atDay(1).minusDays(10).plusDays(r.nextInt(20)));
                if (!decidedAt.isAfter(openedAt.plusSeconds(3600))) {
                    decidedAt = openedAt.plus(2, ChronoUnit.HOURS).plus(++micros, ChronoUnit.MICROS);
                }
                // benefit-calculation refuses a decision overlapping one in force: an earlier decision's termination is
                // recorded before the next decision
                if (terminationAt != null && !decidedAt.isAfter(terminationAt)) {
                    decidedAt = terminationAt.plus(1, ChronoUnit.HOURS);
                }
                add(decided(decision, from, to, provisional, null, present), caseId, decidedAt);
                UUID finalDecision = null;
                Instant finalAt = null;
                if (provisional) {
                    finalDecision = UUID.randomUUID();
                    finalAt = on(from.plusMonths(2 + r.nextInt(12)).atDay(1 + r.nextInt(28)));
                    add(decided(finalDecision, from, to, false, decision, present), caseId, finalAt);
                }
                LocalDate terminated = !provisional && r.nextInt(7) == 0
                        ? from.plusMonths(1 + r.nextInt(4)).atDay(r.nextInt(4) == 0 ? 2 + r.nextInt(27) : 1) : null;
                for (YearMonth m = from; !m.isAfter(to) && (terminated == null || m.isBefore(YearMonth.from(terminated))); m = m.plusMonths(1)) {
                    if (!provisional && m.isAfter(from) && present.size() > 1 && r.nextInt(25) == 0) {
                        // someone leaves: from that month the decision is amended without them
                        PersonRegistered leaving = present.get(1 + r.nextInt(present.size() - 1));
                        present.remove(leaving);
                        away.add(leaving);
                        // on the first of the month, the amendment takes them out from that month; in the middle of it
                        // they keep their share of the month and are taken out from the next one
                        LocalDate leaves = r.nextInt(3) == 0 ? m.atDay(2 + r.nextInt(26)) : m.atDay(1);
                        Instant at = on(leaves.plusDays(r.nextInt(6)));
                        add(new PersonLeftCase(leaving.personId(), leaves, "own household"), caseId, at);
                        LocalDate amendedFrom = leaves.getDayOfMonth() == 1 ? leaves : m.plusMonths(1).atDay(1);
                        if (!YearMonth.from(amendedFrom).isAfter(to)) {
                            add(amended(decision, amendedFrom, present), caseId, at.plusSeconds(120));
                        }
                        continue;
                    }
                    int amendments = r.nextInt(6) == 0 ? 1 + (r.nextInt(4) == 0 ? 1 : 0) : 0;
                    Instant last = null;
                    for (int k = 0; k < amendments; k++) {
                        LocalDate effective = m.atDay(r.nextBoolean() ? 1 : 1 + r.nextInt(28));
                        // two in five reach back: recorded one to eight months after the month they change
                        Instant at = r.nextInt(5) < 2 ? on(m.plusMonths(1 + r.nextInt(8)).atDay(1 + r.nextInt(28))) : on(effective.plusDays(r.nextInt(10)));
                        UUID target = decision;
                        Instant targetAt = decidedAt;
                        if (provisional && at.isAfter(finalAt)) {
                            target = finalDecision;
                            targetAt = finalAt;
                        }
                        if (!at.isAfter(targetAt)) {
                            at = targetAt.plusSeconds(3600);
                        }
                        // a second change of the same month is recorded after the first (never at the same instant)
                        if (last != null && !at.isAfter(last)) {
                            at = last.plus(1 + r.nextInt(40), ChronoUnit.DAYS);
                        }
                        last = at;
                        add(amended(target, effective, present), caseId, at);
                    }
                }
                YearMonth next = to.plusMonths(1);
                if (terminated != null) {
                    Instant at = on(terminated.plusDays(r.nextInt(3) == 0 ? 20 + r.nextInt(60) : r.nextInt(5)));
                    terminationAt = at.isAfter(decidedAt) ? at : decidedAt.plusSeconds(60);
                    add(new EntitlementTerminated(decision, terminated, "income above need"), caseId, terminationAt);
                    next = YearMonth.from(terminated).plusMonths(1);
                }
                if (r.nextInt(12) == 0) {
                    LocalDate closed = terminated != null ? terminated : next.atDay(1);
                    add(new CaseClosed(closed, "no longer in need"), caseId, on(closed.plusDays(r.nextInt(5))));
                    return;
                }
                from = next.plusMonths(r.nextInt(4) == 0 ? 1 + r.nextInt(5) : 0);
            }
        }

        EntitlementDecided decided(UUID id, YearMonth from, YearMonth to, boolean provisional, UUID replaces, List<PersonRegistered> present) {
            List<PersonEntitlement> amounts = amounts(present);
            // one in six starts within its first month (a partial month at the start, § 41(1) SGB II)
            LocalDate first = replaces == null && !provisional && r.nextInt(6) == 0 ? from.atDay(2 + r.nextInt(26)) : from.atDay(1);
            return new EntitlementDecided(id, new Period(first, to.atEndOfMonth()), provisional, "2024-01", amounts, total(amounts, 2),
                    total(amounts, 0), total(amounts, 1), replaces, replaces == null ? null : BigDecimal.ZERO, null);
        }

        EntitlementAmended amended(UUID decision, LocalDate effective, List<PersonRegistered> present) {
            List<PersonEntitlement> amounts = amounts(present);
            return new EntitlementAmended(decision, effective, "changed income", "2024-01", amounts, total(amounts, 2), total(amounts, 0),
                    total(amounts, 1));
        }

        /** Per member: LLU and KdU; now and then nothing at all (in the case but not in need that month). */
        List<PersonEntitlement> amounts(List<PersonRegistered> present) {
            List<PersonEntitlement> out = new ArrayList<>();
            for (PersonRegistered p : present) {
                boolean none = r.nextInt(12) == 0;
                BigDecimal llu = none || r.nextInt(10) == 0 ? new BigDecimal("0.00") : BigDecimal.valueOf(1 + r.nextInt(60_000), 2);
                BigDecimal kdu = none || r.nextInt(10) == 0 ? new BigDecimal("0.00") : BigDecimal.valueOf(1 + r.nextInt(50_000), 2);
                BigDecimal income = BigDecimal.valueOf(r.nextInt(20_000), 2);
                out.add(new PersonEntitlement(p.personId(), llu.add(income), List.of(), kdu, income, llu, kdu, llu.add(kdu)));
            }
            return out;
        }

        static BigDecimal total(List<PersonEntitlement> amounts, int which) {
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (PersonEntitlement p : amounts) {
                sum = sum.add(which == 0 ? p.llu() : which == 1 ? p.kdu() : p.entitlement());
            }
            return sum;
        }

        /** Integrations (some recorded late, some twice), ends of employment, measures, unemployment of one person. */
        void placement(String caseId, PersonRegistered p) {
            if (r.nextInt(3) == 0) {
                LocalDate since = FIRST.plusMonths(r.nextInt(30)).atDay(1 + r.nextInt(28));
                add(new UnemploymentStarted(p.personId(), since, null), caseId, on(since.plusDays(r.nextInt(3))));
                if (r.nextBoolean()) {
                    LocalDate until = since.plusMonths(2 + r.nextInt(20));
                    add(new UnemploymentEnded(p.personId(), until, null), caseId, on(until.plusDays(r.nextInt(3))));
                }
            }
            int integrations = r.nextBoolean() ? 1 + r.nextInt(3) : 0;
            for (int k = 0; k < integrations; k++) {
                LocalDate start = FIRST.plusMonths(6 + r.nextInt(48)).atDay(1 + r.nextInt(28));
                int kind = r.nextInt(10);
                IntegrationKind ik = kind < 4 ? IntegrationKind.EMPLOYMENT_SV : kind < 5 ? IntegrationKind.APPRENTICESHIP
                        : kind < 6 ? IntegrationKind.SELF_EMPLOYMENT : kind < 8 ? IntegrationKind.MINIJOB : IntegrationKind.SUBSIDISED;
                String subsidy = ik == IntegrationKind.EMPLOYMENT_SV && r.nextInt(3) == 0 ? "§ 16e SGB II" : null;
                Instant at = on(r.nextInt(4) == 0 ? start.plusMonths(1 + r.nextInt(3)) : start.plusDays(r.nextInt(5)));
                add(new IntegrationRecorded(p.personId(), ik, start, null, new BigDecimal("30"), subsidy, null), caseId, at);
                if (r.nextInt(8) == 0) {
                    // recorded a second time, as an apprenticeship, the same day: one integration per person and month
                    add(new IntegrationRecorded(p.personId(), IntegrationKind.APPRENTICESHIP, start, null, new BigDecimal("39"), null, null), caseId,
                            at.plus(2, ChronoUnit.DAYS));
                }
                if (r.nextBoolean()) {
                    LocalDate end = start.plusMonths(1 + r.nextInt(11)).plusDays(r.nextInt(28));
                    add(new EmploymentEnded(p.personId(), end, "ended"), caseId, on(end.plusDays(r.nextInt(30))));
                }
            }
            for (int k = r.nextInt(3); k > 0; k--) {
                List<String> bases = new ArrayList<>(new java.util.TreeSet<>(LEGAL_BASES.keySet()));
                String basis = bases.get(r.nextInt(bases.size()));
                UUID measure = UUID.randomUUID();
                LocalDate start = FIRST.plusMonths(10 + r.nextInt(40)).atDay(1 + r.nextInt(28));
                MeasureCategory category = basis.startsWith("§ 16i") || basis.startsWith("§ 16d") ? MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT
                        : basis.startsWith("§ 16a") ? MeasureCategory.MUNICIPAL_SUPPORT : MeasureCategory.ACTIVE_LABOUR_MARKET;
                add(new MeasureStarted(measure, p.personId(), basis, category, "provider", start, null, null, null), caseId,
                        on(start.minusDays(r.nextInt(3))));
                if (r.nextInt(3) > 0) {
                    LocalDate end = start.plusMonths(1 + r.nextInt(12));
                    add(new MeasureEnded(measure, p.personId(), basis, category, end, "completed"), caseId, on(end.plusDays(r.nextInt(20))));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The oracle: the definitions of docs/reporting.md and domain.md applied to the event list directly.
    // ------------------------------------------------------------------------------------------------

    /** What the events recorded by {@code cutoff} say, and the figures that follow from it, computed the long way. */
    static final class Oracle {
        record Change(YearMonth month, Instant at, Map<UUID, BigDecimal[]> amounts) {
        }

        /** Monthly amounts of the decision in force, and the money due for the month: the days it pays. */
        record Entitlement(BigDecimal llu, BigDecimal kdu, String town, BigDecimal lluDue, BigDecimal kduDue) {
        }

        /**
         * § 41(1) SGB II read by the day: "Der Anspruch besteht für jeden Kalendertag. Der Monat wird mit 30 Tagen
         * berechnet. Stehen die Leistungen nicht für einen vollen Monat zu, wird die Leistung anteilig erbracht." Each
         * calendar day of the month is checked on its own; a month with every day in force is 30/30, else the days in
         * force (at most 30) / 30, half-up to the cent per person and item (as a posting pays it).
         */
        static BigDecimal due(BigDecimal monthly, YearMonth m, java.util.function.Predicate<LocalDate> inForce) {
            int days = 0;
            for (LocalDate day = m.atDay(1); !day.isAfter(m.atEndOfMonth()); day = day.plusDays(1)) {
                days += inForce.test(day) ? 1 : 0;
            }
            int thirtieths = days == m.lengthOfMonth() ? 30 : Math.min(30, days);
            return monthly.multiply(BigDecimal.valueOf(thirtieths)).divide(BigDecimal.valueOf(30), 2, java.math.RoundingMode.HALF_UP);
        }

        final Map<String, List<Object[]>> residences = new HashMap<>();
        final Map<UUID, PersonRegistered> persons = new LinkedHashMap<>();
        final Map<UUID, List<Object[]>> abilities = new HashMap<>();
        final Map<UUID, String> caseOfPerson = new HashMap<>();
        final Map<String, List<EntitlementDecided>> decisionsOfCase = new HashMap<>();
        final Set<UUID> replaced = new HashSet<>();
        final Map<UUID, LocalDate> terminated = new HashMap<>();
        final Map<UUID, List<Change>> changes = new HashMap<>();
        final List<IntegrationRecorded> integrations = new ArrayList<>();
        final Map<UUID, List<LocalDate>> employmentEnds = new HashMap<>();
        final Map<UUID, MeasureStarted> measureStarts = new HashMap<>();
        final Map<UUID, LocalDate> measureEnds = new HashMap<>();
        final Map<String, Entitlement> entitlements = new HashMap<>();
        final Map<String, Boolean> lzbs = new HashMap<>();

        Oracle(List<Recorded> events, Instant cutoff) {
            for (Recorded e : events) {
                if (e.at().isAfter(cutoff)) {
                    continue;
                }
                EventData d = e.data();
                if (d instanceof CaseOpened x) {
                    residences.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(new Object[] {x.openedOn(), x.municipality()});
                } else if (d instanceof CaseMoved x) {
                    residences.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(new Object[] {x.effectiveFrom(), x.toMunicipality()});
                } else if (d instanceof EmployabilityChanged x) {
                    abilities.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(new Object[] {x.effectiveFrom(), x.employable(), e.at()});
                } else if (d instanceof PersonRegistered x) {
                    persons.put(x.personId(), x);
                    caseOfPerson.put(x.personId(), e.caseId());
                } else if (d instanceof EntitlementDecided x) {
                    decisionsOfCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(x);
                    if (x.replacesDecisionId() != null) {
                        replaced.add(x.replacesDecisionId());
                    }
                    changes.computeIfAbsent(x.decisionId(), k -> new ArrayList<>())
                            .add(new Change(YearMonth.from(x.period().from()), e.at(), amounts(x.perPerson())));
                } else if (d instanceof EntitlementAmended x) {
                    changes.computeIfAbsent(x.decisionId(), k -> new ArrayList<>())
                            .add(new Change(YearMonth.from(x.effectiveFrom()), e.at(), amounts(x.perPerson())));
                } else if (d instanceof EntitlementTerminated x) {
                    terminated.merge(x.decisionId(), x.effectiveFrom(), (a, b) -> a.isBefore(b) ? a : b);
                } else if (d instanceof IntegrationRecorded x) {
                    integrations.add(x);
                } else if (d instanceof EmploymentEnded x) {
                    employmentEnds.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(x.endDate());
                } else if (d instanceof MeasureStarted x) {
                    measureStarts.put(x.measureId(), x);
                } else if (d instanceof MeasureEnded x) {
                    measureEnds.put(x.measureId(), x.end());
                }
                // PersonLeftCase/PersonJoinedCase, CaseClosed and unemployment do not enter the indicators by definition:
                // a person's status is the entitlement in the decision in force, which the generator amends or ends accordingly.
            }
        }

        static Map<UUID, BigDecimal[]> amounts(List<PersonEntitlement> people) {
            Map<UUID, BigDecimal[]> out = new HashMap<>();
            for (PersonEntitlement p : people) {
                out.put(p.personId(), new BigDecimal[] {p.llu(), p.kdu()});
            }
            return out;
        }

        /** The municipality responsible for the case on {@code day}: the latest opening or move effective by then. */
        String town(String caseId, LocalDate day) {
            LocalDate best = null;
            String town = null;
            for (Object[] res : residences.getOrDefault(caseId, List.of())) {
                LocalDate from = (LocalDate) res[0];
                if (!from.isAfter(day) && (best == null || from.isAfter(best))) {
                    best = from;
                    town = (String) res[1];
                }
            }
            return town;
        }

        /**
         * The person's entitlement in month m: from the decision in force for the month (period includes the month, not
         * replaced by a final decision, not terminated on or before the month's first day), with the amounts of the latest
         * decision or amendment effective in or before the month (of two for the same month, the one recorded later).
         */
        Entitlement entitlement(UUID person, YearMonth m) {
            Entitlement e = entitlements.computeIfAbsent(person + "|" + m, k -> {
                String caseId = caseOfPerson.get(person);
                Entitlement found = null;
                for (EntitlementDecided d : decisionsOfCase.getOrDefault(caseId, List.of())) {
                    LocalDate ends = terminated.get(d.decisionId());
                    if (replaced.contains(d.decisionId()) || d.period().from().isAfter(m.atEndOfMonth()) || d.period().to().isBefore(m.atDay(1))
                            || (ends != null && !ends.isAfter(m.atDay(1)))) {
                        continue;
                    }
                    Change latest = null;
                    for (Change c : changes.get(d.decisionId())) {
                        assertThat(latest != null && c.month().equals(latest.month()) && c.at().equals(latest.at()))
                                .as("two changes of decision " + d.decisionId() + " for " + c.month() + " recorded at the same instant").isFalse();
                        if (!c.month().isAfter(m) && (latest == null || c.month().isAfter(latest.month())
                                || (c.month().equals(latest.month()) && c.at().isAfter(latest.at())))) {
                            latest = c;
                        }
                    }
                    BigDecimal[] a = latest == null ? null : latest.amounts().get(person);
                    if (a != null) {
                        assertThat(found).as("two decisions in force for " + person + " in " + m).isNull();
                        java.util.function.Predicate<LocalDate> inForce = day -> !day.isBefore(d.period().from())
                                && !day.isAfter(d.period().to()) && (ends == null || day.isBefore(ends));
                        found = new Entitlement(a[0], a[1], town(caseId, m.atEndOfMonth()), due(a[0], m, inForce), due(a[1], m, inForce));
                    }
                }
                return found == null ? NONE : found;
            });
            return e == NONE ? null : e;
        }

        static final Entitlement NONE = new Entitlement(null, null, null, null, null);

        static int age(PersonRegistered p, YearMonth m) {
            return (m.getYear() * 12 + m.getMonthValue() - p.birthYearMonth().getYear() * 12 - p.birthYearMonth().getMonthValue()) / 12;
        }

        /** An employable beneficiary (LLU + KdU > 0, employable, from the 15th birthday to the § 7a age limit) in month m. */
        boolean elb(UUID person, YearMonth m) {
            Entitlement e = entitlement(person, m);
            PersonRegistered p = persons.get(person);
            return e != null && e.llu().add(e.kdu()).signum() > 0 && ableToWork(p, m)
                    && de.auseinerhand.testsupport.AgeLimitTable.ofWorkingAge(p.birthYearMonth(), m);
        }

        /**
         * § 8 on the month's last day: the finding in force then (the latest effective date; of two for the same date
         * the one recorded later); without a finding, a person registered before the 15th birthday is able to work
         * from it (the registry could not record otherwise), anyone else as registered.
         */
        boolean ableToWork(PersonRegistered p, YearMonth m) {
            Object[] latest = null;
            for (Object[] a : abilities.getOrDefault(p.personId(), List.of())) {
                LocalDate from = (LocalDate) a[0];
                if (from.isAfter(m.atEndOfMonth())) {
                    continue;
                }
                if (latest == null || from.isAfter((LocalDate) latest[0])
                        || (from.equals(latest[0]) && ((Instant) a[2]).isAfter((Instant) latest[2]))) {
                    latest = a;
                }
            }
            if (latest != null) {
                return (Boolean) latest[1];
            }
            boolean registeredYoung = p.effectiveFrom().isBefore(p.birthYearMonth().plusYears(15).atDay(1));
            return registeredYoung || p.employable();
        }

        boolean beneficiary(UUID person, YearMonth m) {
            Entitlement e = entitlement(person, m);
            return e != null && e.llu().add(e.kdu()).signum() > 0;
        }

        /** LZB at the end of m: eLb then, and in need (as eLb, whole months) on at least 638 of the days from end − 2 years + 1 day to the end. */
        boolean lzb(UUID person, YearMonth m) {
            return lzbs.computeIfAbsent(person + "|" + m, k -> {
                if (!elb(person, m)) {
                    return false;
                }
                int days = 0;
                YearMonth monthOfDay = null;
                boolean inNeed = false;
                for (LocalDate day = m.atEndOfMonth().minusYears(2).plusDays(1); !day.isAfter(m.atEndOfMonth()); day = day.plusDays(1)) {
                    if (!YearMonth.from(day).equals(monthOfDay)) {
                        monthOfDay = YearMonth.from(day);
                        inNeed = elb(person, monthOfDay);
                    }
                    if (inNeed) {
                        days++;
                    }
                }
                return days >= 638;
            });
        }

        boolean inActiveMeasure(UUID person, YearMonth m) {
            for (MeasureStarted s : measureStarts.values()) {
                LocalDate end = measureEnds.get(s.measureId());
                if (s.personId().equals(person) && LEGAL_BASES.get(s.legalBasis()) && !s.start().isAfter(m.atEndOfMonth())
                        && (end == null || !end.isBefore(m.atDay(1)))) {
                    return true;
                }
            }
            return false;
        }

        /** Counts and sums of one municipality, sex and month. */
        static final class Month {
            long elb, nonEmployable, singleParentElb, under25Elb, lzb, lzbInActiveMeasure, elbInflow, elbOutflow, lzbInflow, lzbOutflow;
            long integrations, singleParentIntegrations, lzbIntegrations, minijobs, subsidised, followedUp, continued;
            BigDecimal llu = BigDecimal.ZERO;
            BigDecimal kdu = BigDecimal.ZERO;
        }

        final Map<YearMonth, Map<String, Month>> months = new HashMap<>();

        Month month(String town, String sex, YearMonth m) {
            return months.computeIfAbsent(m, this::computeMonth).getOrDefault(town + "|" + sex, new Month());
        }

        Map<String, Month> computeMonth(YearMonth m) {
            Map<String, Month> out = new HashMap<>();
            for (PersonRegistered p : persons.values()) {
                UUID id = p.personId();
                List<String> sexes = List.of("ALL", p.sex().name());
                Entitlement now = entitlement(id, m);
                Entitlement before = entitlement(id, m.minusMonths(1));
                boolean elbNow = elb(id, m);
                boolean elbBefore = elb(id, m.minusMonths(1));
                boolean lzbNow = lzb(id, m);
                boolean lzbBefore = lzb(id, m.minusMonths(1));
                for (String sex : sexes) {
                    if (now != null) {
                        Month x = out.computeIfAbsent(now.town() + "|" + sex, k -> new Month());
                        x.llu = x.llu.add(now.lluDue());
                        x.kdu = x.kdu.add(now.kduDue());
                        if (elbNow) {
                            x.elb++;
                            x.singleParentElb += p.singleParent() ? 1 : 0;
                            x.under25Elb += age(p, m) < 25 ? 1 : 0;
                        } else if (beneficiary(id, m)) {
                            x.nonEmployable++;
                        }
                        if (lzbNow) {
                            x.lzb++;
                            x.lzbInActiveMeasure += inActiveMeasure(id, m) ? 1 : 0;
                        }
                    }
                    // inflows count where the person is now, outflows where they were (a move is neither)
                    if (elbNow && !elbBefore) {
                        out.computeIfAbsent(now.town() + "|" + sex, k -> new Month()).elbInflow++;
                    }
                    if (!elbNow && elbBefore) {
                        out.computeIfAbsent(before.town() + "|" + sex, k -> new Month()).elbOutflow++;
                    }
                    if (lzbNow && !lzbBefore) {
                        out.computeIfAbsent(now.town() + "|" + sex, k -> new Month()).lzbInflow++;
                    }
                    if (!lzbNow && lzbBefore) {
                        out.computeIfAbsent((elbNow ? now : before).town() + "|" + sex, k -> new Month()).lzbOutflow++;
                    }
                }
            }
            // integrations starting in m of persons who were eLb in m or the month before, at most one per person, month and kind group
            Set<String> seen = new HashSet<>();
            for (IntegrationRecorded in : integrations) {
                if (!YearMonth.from(in.startDate()).equals(m)) {
                    continue;
                }
                UUID id = in.personId();
                YearMonth ref = elb(id, m) ? m : m.minusMonths(1);
                if (!elb(id, ref)) {
                    continue;
                }
                String group = switch (in.kind()) {
                    case EMPLOYMENT_SV, APPRENTICESHIP, SELF_EMPLOYMENT -> "integration";
                    case MINIJOB -> "minijob";
                    case SUBSIDISED -> "subsidised";
                };
                if (!seen.add(id + "|" + group)) {
                    continue;
                }
                PersonRegistered p = persons.get(id);
                boolean continued = true;
                for (LocalDate end : employmentEnds.getOrDefault(id, List.of())) {
                    if (!end.isBefore(in.startDate()) && end.isBefore(in.startDate().plusMonths(6))) {
                        continued = false;
                    }
                }
                for (String sex : List.of("ALL", p.sex().name())) {
                    Month x = out.computeIfAbsent(entitlement(id, ref).town() + "|" + sex, k -> new Month());
                    if (group.equals("integration")) {
                        x.integrations++;
                        x.singleParentIntegrations += p.singleParent() ? 1 : 0;
                        x.lzbIntegrations += lzb(id, m) || lzb(id, m.minusMonths(1)) ? 1 : 0;
                        x.followedUp++;
                        x.continued += continued ? 1 : 0;
                    } else if (group.equals("minijob")) {
                        x.minijobs++;
                    } else {
                        x.subsidised++;
                    }
                }
            }
            return out;
        }

        /** The row an analyst sees: figures and indicators, with counts of 1 and 2 and everything of a unit with fewer than 3 eLb suppressed. */
        Map<String, Object> row(String town, String sex, YearMonth month) {
            Month now = month(town, sex, month);
            Month yearBefore = month(town, sex, month.minusMonths(12));
            Map<String, Object> out = new LinkedHashMap<>();
            boolean suppressed = now.elb < THRESHOLD;
            out.put("elb", count(now.elb));
            out.put("nonEmployable", count(now.nonEmployable));
            out.put("singleParentElb", count(now.singleParentElb));
            out.put("under25Elb", count(now.under25Elb));
            out.put("lzb", count(now.lzb));
            out.put("lzbInActiveMeasure", count(now.lzbInActiveMeasure));
            out.put("elbInflow", count(now.elbInflow));
            out.put("elbOutflow", count(now.elbOutflow));
            out.put("integrations", count(now.integrations));
            out.put("llu", suppressed ? null : now.llu);
            out.put("kdu", suppressed ? null : now.kdu);
            out.put("lluYearBefore", yearBefore.elb < THRESHOLD ? null : yearBefore.llu);
            out.put("lzbYearBefore", count(yearBefore.lzb));
            out.put("elbYearBefore", count(yearBefore.elb));
            Map<String, BigDecimal> k = new LinkedHashMap<>();
            k.put("K1", change(now.llu, yearBefore.llu));
            k.put("K1E1", change(now.kdu, yearBefore.kdu));
            k.put("K1E2", change(BigDecimal.valueOf(now.elb), BigDecimal.valueOf(yearBefore.elb)));
            List<BigDecimal> inflowRates = new ArrayList<>();
            List<BigDecimal> outflowRates = new ArrayList<>();
            List<BigDecimal> lzbInflowRates = new ArrayList<>();
            List<BigDecimal> lzbOutflowRates = new ArrayList<>();
            long integrations = 0, minijobs = 0, subsidised = 0, singleParentIntegrations = 0, lzbIntegrations = 0;
            long elbSum = 0, singleParentSum = 0, lzbSum = 0;
            for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
                Month x = month(town, sex, m);
                Month prev = month(town, sex, m.minusMonths(1));
                if (x.elb > 0) {
                    inflowRates.add(fraction(x.elbInflow, x.elb));
                }
                if (prev.elb > 0) {
                    outflowRates.add(fraction(x.elbOutflow, prev.elb));
                }
                if (x.lzb > 0) {
                    lzbInflowRates.add(fraction(x.lzbInflow, x.lzb));
                }
                if (prev.lzb > 0) {
                    lzbOutflowRates.add(fraction(x.lzbOutflow, prev.lzb));
                }
                integrations += x.integrations;
                minijobs += x.minijobs;
                subsidised += x.subsidised;
                singleParentIntegrations += x.singleParentIntegrations;
                lzbIntegrations += x.lzbIntegrations;
                elbSum += x.elb;
                singleParentSum += x.singleParentElb;
                lzbSum += x.lzb;
            }
            k.put("K1E3", mean(inflowRates));
            k.put("K1E4", mean(outflowRates));
            k.put("K2", perAverageStock(integrations, elbSum));
            k.put("K2E1", perAverageStock(minijobs, elbSum));
            k.put("K2E2", perAverageStock(subsidised, elbSum));
            long followed = 0;
            long continued = 0;
            for (YearMonth m = month.minusMonths(17); !m.isAfter(month.minusMonths(6)); m = m.plusMonths(1)) {
                followed += month(town, sex, m).followedUp;
                continued += month(town, sex, m).continued;
            }
            k.put("K2E3", followed == 0 ? null : percent(continued, followed));
            k.put("K2E4", perAverageStock(singleParentIntegrations, singleParentSum));
            k.put("K3", change(BigDecimal.valueOf(now.lzb), BigDecimal.valueOf(yearBefore.lzb)));
            k.put("K3E1", perAverageStock(lzbIntegrations, lzbSum));
            k.put("K3E2", now.lzb == 0 ? null : percent(now.lzbInActiveMeasure, now.lzb));
            k.put("K3E3", mean(lzbInflowRates));
            k.put("K3E4", mean(lzbOutflowRates));
            k.forEach((name, value) -> out.put(name, suppressed ? null : value));
            return out;
        }

        static Long count(long n) {
            return n > 0 && n < THRESHOLD ? null : n;
        }

        /** value(M) / value(M − 12) − 1 in percent, one decimal half-up; undefined without a value a year earlier. */
        static BigDecimal change(BigDecimal now, BigDecimal yearBefore) {
            return yearBefore.signum() == 0 ? null : now.subtract(yearBefore).multiply(BigDecimal.valueOf(100)).divide(yearBefore, 1, RoundingMode.HALF_UP);
        }

        /** A 12-month sum over the average monthly stock of those 12 months, in percent. */
        static BigDecimal perAverageStock(long sum, long stockOver12Months) {
            return stockOver12Months == 0 ? null
                    : BigDecimal.valueOf(sum * 12 * 100).divide(BigDecimal.valueOf(stockOver12Months), 1, RoundingMode.HALF_UP);
        }

        static BigDecimal percent(long part, long whole) {
            return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }

        static BigDecimal fraction(long part, long whole) {
            return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), new MathContext(40));
        }

        static BigDecimal mean(List<BigDecimal> rates) {
            if (rates.isEmpty()) {
                return null;
            }
            BigDecimal sum = rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return sum.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(rates.size()), 1, RoundingMode.HALF_UP);
        }
    }

}
