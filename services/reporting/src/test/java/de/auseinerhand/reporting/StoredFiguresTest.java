package de.auseinerhand.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.EmployabilityBasis;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.reporting.indicators.IndicatorEngine;
import de.auseinerhand.reporting.indicators.IndicatorService;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The stored figures (indicators.StoredFigures) against the fold of every fact (IndicatorEngine over the facts known at
 * the cutoff), on every day that matters: a household's history over a year with a move, an amendment, a partial month,
 * an integration and a measure, and one fact that reaches reporting after facts of later days (a medical finding recorded
 * in June, delivered after the November amendment). The fold itself is checked against hand-made figures elsewhere
 * (OfficialExamplesTest, IndicatorOracleTest, IndicatorsApiTest).
 */
@QuarkusTest
class StoredFiguresTest {
    static final String MEDEBACH = "05958028";
    static final String WINTERBERG = "05958048";

    @Inject
    IndicatorService indicators;

    @Inject
    DataSource dataSource;

    static UUID publish(EventData data, String caseId, long version, String recordedAt) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(EventCodec.envelope(id, data, caseId, Instant.parse(recordedAt), MEDEBACH, "test-" + caseId, version,
                UUID.randomUUID(), null, "user:test", null));
        return id;
    }

    static PersonEntitlement amounts(UUID person, String llu, String kdu) {
        return new PersonEntitlement(person, new BigDecimal("506.00"), List.of(), new BigDecimal(kdu), BigDecimal.ZERO, new BigDecimal(llu),
                new BigDecimal(kdu), new BigDecimal(llu).add(new BigDecimal(kdu)));
    }

    boolean applied(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select (select count(*) from rp_amount where event_id = ?)"
                        + " + (select count(*) from rp_employability where event_id = ?)")) {
            ps.setObject(1, eventId);
            ps.setObject(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    @Test
    void storedFiguresEqualTheFoldOfTheFactsOnEveryDayEvenForALateFact() throws Exception {
        String caseId = String.format("BG-%s-77%04d", MEDEBACH, (int) (System.nanoTime() % 10_000));
        var head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1988, 4), Sex.FEMALE, true, LocalDate.of(2024, 3, 1));
        var partner = TestEvents.person(PersonRole.PARTNER, YearMonth.of(1986, 9), Sex.MALE, true, LocalDate.of(2024, 3, 1));
        UUID decision = UUID.randomUUID();
        publish(TestEvents.caseOpened(caseId, MEDEBACH, LocalDate.of(2024, 3, 1)), caseId, 1, "2024-03-02T08:00:00Z");
        publish(head, caseId, 2, "2024-03-02T08:01:00Z");
        publish(partner, caseId, 3, "2024-03-02T08:02:00Z");
        publish(new EntitlementDecided(decision, new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 28)), false, "2024-03",
                List.of(amounts(head.personId(), "506.00", "310.00"), amounts(partner.personId(), "506.00", "310.00")), new BigDecimal("1632.00"),
                new BigDecimal("1012.00"), new BigDecimal("620.00"), null, null, null), caseId, 4, "2024-03-05T09:00:00Z");
        publish(new CaseMoved(MEDEBACH, WINTERBERG, LocalDate.of(2024, 9, 1)), caseId, 5, "2024-09-10T09:00:00Z");
        publish(new MeasureStarted(UUID.randomUUID(), head.personId(), "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT,
                "Kreis", LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 31), null, null), caseId, 6, "2024-09-20T09:00:00Z");
        UUID amendment = publish(new EntitlementAmended(decision, LocalDate.of(2024, 10, 1), "income", "2024-10",
                List.of(amounts(head.personId(), "350.25", "310.00"), amounts(partner.personId(), "350.25", "310.00")), new BigDecimal("1320.50"),
                new BigDecimal("700.50"), new BigDecimal("620.00")), caseId, 7, "2024-11-20T09:00:00Z");
        publish(new IntegrationRecorded(partner.personId(), IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2024, 12, 1), null, new BigDecimal("38.5"),
                null, new BigDecimal("2400.00")), caseId, 8, "2024-12-05T09:00:00Z");
        publish(new EntitlementTerminated(decision, LocalDate.of(2025, 1, 15), "income"), caseId, 9, "2025-01-10T09:00:00Z");
        Eventually.assertSoon(() -> assertThat(applied(amendment)).isTrue());
        // recorded in June, delivered now: it reaches back behind the move, the amendment and the end
        UUID late = publish(new EmployabilityChanged(head.personId(), false, LocalDate.of(2024, 6, 1), EmployabilityBasis.MEDICAL_FINDING),
                caseId, 10, "2024-06-15T09:00:00Z");
        Eventually.assertSoon(() -> assertThat(applied(late)).isTrue());

        List<LocalDate> days = List.of(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5), LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 15),
                LocalDate.of(2024, 9, 10), LocalDate.of(2024, 11, 19), LocalDate.of(2024, 11, 20), LocalDate.of(2024, 12, 31),
                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 6, 1));
        List<YearMonth> months = List.of(YearMonth.of(2024, 3), YearMonth.of(2024, 6), YearMonth.of(2024, 10), YearMonth.of(2024, 12),
                YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        for (YearMonth month : months) {
            for (LocalDate asOf : days) {
                for (boolean official : List.of(false, true)) {
                    storedEqualsFold(month, asOf, official);
                }
            }
        }
        // the late finding counts from its own day: June 2024 in Medebach has one eLb less as known on 2024-06-15
        IndicatorEngine.Figures before = figures(YearMonth.of(2024, 6), LocalDate.of(2024, 6, 14));
        IndicatorEngine.Figures after = figures(YearMonth.of(2024, 6), LocalDate.of(2024, 6, 15));
        assertThat(before.elb - after.elb).as("Medebach eLb in June 2024, the day the finding was recorded").isEqualTo(1);
        assertThat(after.nonEmployable - before.nonEmployable).isEqualTo(1);
    }

    /**
     * Many households whose facts were recorded on two days (just before and just after midnight in Berlin) reach
     * reporting in a shuffled order, so that facts of the earlier day arrive after facts of the later one for the same
     * persons, in batches of many persons: the stored figures must equal the fold on both days and after.
     */
    @Test
    void factsOfTwoDaysInAShuffledOrderGiveTheFiguresOfTheFold() throws Exception {
        java.util.Random random = new java.util.Random(20261207);
        String[] towns = {"05958008", "05958024", "05958036", "05958040"};
        String before = "2025-03-10T22:59:50Z";
        String after = "2025-03-10T23:00:10Z";
        record Pending(EventData data, String caseId, String municipality, String at) {
        }
        List<Pending> events = new java.util.ArrayList<>();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int h = 0; h < 40; h++) {
            String town = towns[h % towns.length];
            String caseId = String.format("BG-%s-55%04d", town, h + (int) (System.nanoTime() % 100) * 40);
            var head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1975 + h % 20, 1 + h % 12), h % 2 == 0 ? Sex.FEMALE : Sex.MALE, true,
                    LocalDate.of(2023, 1, 1));
            var partner = TestEvents.person(PersonRole.PARTNER, YearMonth.of(1980, 6), Sex.MALE, h % 3 != 0, LocalDate.of(2023, 1, 1));
            boolean couple = h % 2 == 1;
            UUID decision = UUID.randomUUID();
            String day1 = random.nextBoolean() ? before : after;
            events.add(new Pending(TestEvents.caseOpened(caseId, town, LocalDate.of(2023, 1, 1)), caseId, town, before));
            events.add(new Pending(head, caseId, town, before));
            if (couple) {
                events.add(new Pending(partner, caseId, town, day1));
            }
            List<PersonEntitlement> people = couple
                    ? List.of(amounts(head.personId(), "450.00", "300.00"), amounts(partner.personId(), "450.00", "300.00"))
                    : List.of(amounts(head.personId(), "563.00", "400.00"));
            events.add(new Pending(new EntitlementDecided(decision, new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)), false,
                    "2023-01", people, new BigDecimal("1500.00"), new BigDecimal("900.00"), new BigDecimal("600.00"), null, null, null),
                    caseId, town, day1));
            if (h % 4 == 0) {
                events.add(new Pending(new CaseMoved(town, towns[(h + 1) % towns.length], LocalDate.of(2025, 2, 1)), caseId, town, after));
            }
            if (h % 5 == 0) {
                events.add(new Pending(new EntitlementAmended(decision, LocalDate.of(2025, 2, 1), "income", "2025-02",
                        List.of(amounts(head.personId(), "100.00", "400.00")), new BigDecimal("500.00"), new BigDecimal("100.00"),
                        new BigDecimal("400.00")), caseId, town, after));
            }
            if (h % 6 == 0) {
                events.add(new Pending(new EntitlementTerminated(decision, LocalDate.of(2025, 3, 16), "moved away"), caseId, town, before));
            }
            if (h % 7 == 0) {
                events.add(new Pending(new EmployabilityChanged(head.personId(), false, LocalDate.of(2024, 12, 1),
                        EmployabilityBasis.MEDICAL_FINDING), caseId, town, after));
            }
        }
        java.util.Collections.shuffle(events, random);
        long version = 1;
        for (Pending e : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            TestEvents.publish(EventCodec.envelope(id, e.data(), e.caseId(), Instant.parse(e.at()), e.municipality(), "test-" + e.caseId(),
                    version++, UUID.randomUUID(), null, "user:test", null));
        }
        Eventually.assertSoon(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select count(*) from consumer_inbox where event_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(ids.size());
                }
            }
        });
        for (YearMonth month : List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3))) {
            for (LocalDate asOf : List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 11), LocalDate.of(2025, 7, 1))) {
                for (boolean official : List.of(false, true)) {
                    storedEqualsFold(month, asOf, official);
                }
            }
        }
    }

    /**
     * Every unit's and sex's indicators and figures from the stored figures equal the fold's. Other test classes may still
     * be delivering their events: both sides from the same state of knowledge, retried until they are.
     */
    private void storedEqualsFold(YearMonth month, LocalDate asOf, boolean official) {
        String at = month + " as of " + asOf + (official ? " final" : " early");
        Eventually.assertSoon(() -> {
            IndicatorService.Result fold = indicators.computeFromFacts(month, asOf, official);
            IndicatorService.Result stored = indicators.compute(month, asOf, official);
            assertThat(stored.indicators()).as(at).hasSameSizeAs(fold.indicators());
            for (int i = 0; i < fold.indicators().size(); i++) {
                IndicatorEngine.Indicators f = fold.indicators().get(i);
                IndicatorEngine.Indicators s = stored.indicators().get(i);
                String unit = at + ", " + f.municipality() + " " + f.sex();
                assertThat(s.municipality() + s.sex()).as(unit).isEqualTo(f.municipality() + f.sex());
                assertThat(s.values()).as(unit).isEqualTo(f.values());
                assertThat(s.current()).as(unit + " figures").isEqualTo(f.current());
                assertThat(s.yearBefore()).as(unit + " year before").isEqualTo(f.yearBefore());
            }
        });
    }

    private IndicatorEngine.Figures figures(YearMonth month, LocalDate asOf) {
        return indicators.compute(month, asOf, false).indicators().stream()
                .filter(i -> i.municipality().equals(MEDEBACH) && i.sex().equals(IndicatorEngine.ALL)).findFirst().orElseThrow().current();
    }
}
