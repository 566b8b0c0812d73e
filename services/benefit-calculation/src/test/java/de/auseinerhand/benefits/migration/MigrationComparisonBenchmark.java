package de.auseinerhand.benefits.migration;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The comparison of migrated households with the engine at the go-live month, for a migrated caseload of
 * {@code bench.cases} households (default 1,000): one adult each, a migrated decision paying 563.00 + 450.00, facts
 * (housing costs 380.00 to 479.00 + heating 70.00, so a part differs) written straight into the tables. Run:
 * {@code ./mvnw test -pl services/benefit-calculation -Pbenchmark -Dtest=MigrationComparisonBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class MigrationComparisonBenchmark {

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    MigrationComparison comparison;

    @Test
    void aThousandMigratedHouseholds() {
        int cases = Integer.getInteger("bench.cases", 1_000);
        YearMonth month = YearMonth.of(2026, 12);
        YearMonth from = month.minusMonths(6);
        long s0 = System.nanoTime();
        seed(cases, from);
        long seeded = System.nanoTime();
        MigrationComparison.Summary warm = comparison.compare(month);
        long[] runs = new long[Integer.getInteger("bench.runs", 3)];
        MigrationComparison.Summary r = warm;
        for (int i = 0; i < runs.length; i++) {
            r = comparison.compare(month);
            runs[i] = r.milliseconds();
        }
        System.out.printf("seeded %d migrated households in %.1f s; comparison of %s: %d compared, %d equal, %d different, %d facts"
                        + " incomplete, difference %s; first run %d ms, then %s ms (%.0f ms per 1,000 cases)%n", cases, (seeded - s0) / 1e9, month,
                r.compared(), r.equal(), r.different(), r.factsIncomplete(), r.differenceSum(), warm.milliseconds(), Arrays.toString(runs),
                Arrays.stream(runs).average().orElse(0) * 1_000.0 / cases);
        assertThat(r.compared()).isGreaterThanOrEqualTo(cases);
        assertThat(r.different()).isPositive();
    }

    private void seed(int cases, YearMonth from) {
        for (int i = 0; i < cases; i += 500) {
            int first = i;
            int last = Math.min(cases, i + 500);
            QuarkusTransaction.requiringNew().run(() -> {
                Timestamp now = Timestamp.from(de.auseinerhand.testsupport.TestClock.now());
                try (Connection c = dataSource.getConnection();
                        PreparedStatement known = c.prepareStatement("insert into known_case (case_id, municipality, opened_on, updated_at)"
                                + " values (?, '05958032', ?, now())");
                        PreparedStatement person = c.prepareStatement("insert into known_person (person_id, case_id, role, birth_year_month,"
                                + " sex, employable, single_parent, joined_on) values (?,?,'HEAD','1985-04','FEMALE',true,false,?)");
                        PreparedStatement employability = c.prepareStatement("insert into bf_employability (event_id, case_id, person_id,"
                                + " registration, employable, effective_from, recorded_at) values (?,?,?,true,true,?,?)");
                        PreparedStatement municipality = c.prepareStatement("insert into bf_case_municipality (event_id, case_id,"
                                + " effective_from, municipality, recorded_at) values (?,?,?,'05958032',?)");
                        PreparedStatement housing = c.prepareStatement("insert into bf_housing (event_id, case_id, effective_from, rent,"
                                + " heating, utilities, household_size, recorded_at) values (?,?,?,?,70.00,0,1,?)");
                        PreparedStatement household = c.prepareStatement("insert into migrated_household (household_id, case_id, run_id,"
                                + " migrated_at) values (?,?,'bench',?)")) {
                    for (int n = first; n < last; n++) {
                        String caseId = String.format("BG-05958032-8%05d", n);
                        UUID head = UUID.nameUUIDFromBytes(caseId.getBytes());
                        known.setString(1, caseId);
                        known.setObject(2, from.atDay(1));
                        known.addBatch();
                        person.setObject(1, head);
                        person.setString(2, caseId);
                        person.setObject(3, from.atDay(1));
                        person.addBatch();
                        employability.setObject(1, UUID.randomUUID());
                        employability.setString(2, caseId);
                        employability.setObject(3, head);
                        employability.setObject(4, from.atDay(1));
                        employability.setTimestamp(5, now);
                        employability.addBatch();
                        municipality.setObject(1, UUID.randomUUID());
                        municipality.setString(2, caseId);
                        municipality.setObject(3, from.atDay(1));
                        municipality.setTimestamp(4, now);
                        municipality.addBatch();
                        housing.setObject(1, UUID.randomUUID());
                        housing.setString(2, caseId);
                        housing.setObject(3, from.atDay(1));
                        housing.setBigDecimal(4, new BigDecimal(380 + n % 100));
                        housing.setTimestamp(5, now);
                        housing.addBatch();
                        household.setString(1, "BENCH-" + n);
                        household.setString(2, caseId);
                        household.setTimestamp(3, now);
                        household.addBatch();
                        PersonEntitlement paid = new PersonEntitlement(head, new BigDecimal("563.00"), List.of(), new BigDecimal("450.00"),
                                BigDecimal.ZERO.setScale(2), new BigDecimal("563.00"), new BigDecimal("450.00"), new BigDecimal("1013.00"));
                        List<EventData> events = List.of(new ApplicationReceived(from.atDay(1), from.atDay(1)),
                                new EntitlementDecided(UUID.randomUUID(), new Period(from.atDay(1), from.plusMonths(11).atEndOfMonth()), false,
                                        BenefitState.MIGRATED_RULE_SET, List.of(paid), new BigDecimal("1013.00"), new BigDecimal("563.00"),
                                        new BigDecimal("450.00"), null, null, null));
                        List<NewEvent> stream = new ArrayList<>();
                        events.forEach(e -> stream.add(new NewEvent(e, caseId, "05958032")));
                        store.append(DecisionService.stream(caseId), 0, stream, EventMetadata.system("migration:bench"));
                    }
                    known.executeBatch();
                    person.executeBatch();
                    employability.executeBatch();
                    municipality.executeBatch();
                    housing.executeBatch();
                    household.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
