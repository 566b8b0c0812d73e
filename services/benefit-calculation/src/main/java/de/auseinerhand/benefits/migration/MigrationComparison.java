package de.auseinerhand.benefits.migration;

import de.auseinerhand.benefits.application.DecisionService;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.CaseFacts;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.infrastructure.CaseFactsRepository;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The comparison of every migrated household with the engine's own computation (docs/migration.md). Migrated decisions are
 * taken as decided and stay so; from the go-live month on, this computes the month from the case's facts (the registry's
 * events, those of the migration included) under the rule set in force in that month, with the calculator the decision
 * service uses, and compares per person LLU and KdU (full monthly amounts, not pro rata) with what the migrated decision in
 * force pays for that month: {@code EQUAL}, {@code DIFFERENT}, or {@code FACTS_INCOMPLETE} (the engine's problem, e.g. no
 * housing costs). Cases whose decision in force is not a migrated one (a case worker decided anew), or that have none, are
 * not compared.
 *
 * <p>A list for case workers, nothing more: no decision is changed. The month's result is stored in
 * {@code migration_comparison} (per person in {@code migration_comparison_person}); a new run replaces the month's earlier
 * rows in one transaction, so it may be run again at any time.
 */
@ApplicationScoped
public class MigrationComparison {
    private static final Logger LOG = Logger.getLogger(MigrationComparison.class);
    private static final int CHUNK = 1_000;
    /** First key of the two-key advisory lock that serialises the writing of one month's rows. */
    static final int LOCK_SPACE = 7303;
    private static final Pattern CASE_NUMBER = Pattern.compile("BG-([0-9]{8})-[0-9]+");

    public enum Status { EQUAL, DIFFERENT, FACTS_INCOMPLETE }

    /** One person: null amounts where the person is not in the migrated decision, or not in the engine's computation. */
    public record Person(UUID personId, BigDecimal migratedLlu, BigDecimal migratedKdu, BigDecimal computedLlu, BigDecimal computedKdu,
                         BigDecimal difference) {
    }

    /**
     * One case: what the migrated decision pays for the month and what the engine computes (null when the facts are incomplete),
     * {@code difference} = computed − migrated (LLU + KdU).
     */
    public record Item(YearMonth month, String caseId, UUID decisionId, String municipality, Status status, BigDecimal migratedLlu,
                       BigDecimal migratedKdu, BigDecimal migratedTotal, BigDecimal computedLlu, BigDecimal computedKdu,
                       BigDecimal computedTotal, BigDecimal difference, String problemField, String problemMessage, Instant comparedAt,
                       List<Person> persons) {
    }

    /** The households of one municipality: compared, by status, and the sums of the differences (computed − migrated). */
    public record Unit(String municipality, long compared, long equal, long different, long factsIncomplete, BigDecimal lluDifference,
                       BigDecimal kduDifference, BigDecimal differenceSum) {
    }

    public record Summary(YearMonth month, String ruleSet, long compared, long equal, long different, long factsIncomplete,
                          BigDecimal lluDifference, BigDecimal kduDifference, BigDecimal differenceSum, List<Unit> byMunicipality,
                          long milliseconds) {
    }

    /** A case whose decision in force in the month is a migrated one, with what it pays. */
    private record Candidate(String caseId, BenefitState state, BenefitState.Decision decision, MonthAmounts.Amounts paid) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    EventStore store;

    @Inject
    CaseFactsRepository facts;

    @Inject
    EntitlementCalculator calculator;

    @Inject
    Clock clock;

    /** Compares every migrated household whose decision in force in {@code month} is a migrated one, and stores the result. */
    public Summary compare(YearMonth month) {
        long t0 = System.nanoTime();
        RuleSet rules = calculator.ruleSets().forMonth(month);
        if (rules == null) {
            throw new IllegalArgumentException("no rule set is in force in " + month);
        }
        Instant now = Instant.now(clock);
        List<String> caseIds = migratedCases();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < caseIds.size(); i += CHUNK) {
            List<String> chunk = caseIds.subList(i, Math.min(caseIds.size(), i + CHUNK));
            Map<String, Loaded<BenefitState>> states = store.loadAll(chunk.stream().map(DecisionService::stream).toList(), DecisionService.DECIDER);
            List<Candidate> candidates = new ArrayList<>();
            for (String caseId : chunk) {
                Loaded<BenefitState> loaded = states.get(DecisionService.stream(caseId));
                if (loaded == null) {
                    continue;
                }
                BenefitState.Decision d = loaded.state().decisionFor(month);
                if (d == null || !d.migrated()) {
                    continue; // none in force, or a case worker decided anew
                }
                MonthAmounts.Amounts paid = d.amountsFor(month);
                if (paid != null && BenefitState.MIGRATED_RULE_SET.equals(paid.ruleSet())) {
                    candidates.add(new Candidate(caseId, loaded.state(), d, paid));
                }
            }
            Map<String, CaseFacts> known = candidates.isEmpty() ? Map.of() : facts.loadAll(candidates.stream().map(Candidate::caseId).toList());
            for (Candidate x : candidates) {
                items.add(compare(x.caseId(), month, x.state(), x.decision(), x.paid(), known.get(x.caseId()), rules.housingWaitingPeriodMonths(),
                        now));
            }
        }
        long t1 = System.nanoTime();
        store(month, items);
        Summary summary = summary(month, rules.id(), items, (System.nanoTime() - t0) / 1_000_000);
        LOG.infof("migration comparison of %s: %d of %d migrated households compared (%d equal, %d different, %d facts incomplete) in %d ms,"
                + " stored in %d ms", month, summary.compared(), caseIds.size(), summary.equal(), summary.different(), summary.factsIncomplete(),
                summary.milliseconds(), (System.nanoTime() - t1) / 1_000_000);
        return summary;
    }

    private Item compare(String caseId, YearMonth month, BenefitState state, BenefitState.Decision d, MonthAmounts.Amounts paid, CaseFacts f,
            int waitingPeriodMonths, Instant now) {
        Map<UUID, Money[]> migrated = new LinkedHashMap<>();
        for (PersonEntitlement p : paid.perPerson()) {
            migrated.merge(p.personId(), new Money[] {Money.of(p.llu()), Money.of(p.kdu())},
                    (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1])});
        }
        Money migratedLlu = Money.ZERO;
        Money migratedKdu = Money.ZERO;
        for (Money[] m : migrated.values()) {
            migratedLlu = migratedLlu.plus(m[0]);
            migratedKdu = migratedKdu.plus(m[1]);
        }
        String municipality = f == null ? null : f.municipalityIn(month);
        if (municipality == null) {
            // no municipality in the registry's facts (not arrived yet): the case number names the one that opened the case
            Matcher m = CASE_NUMBER.matcher(caseId);
            municipality = m.matches() ? m.group(1) : null;
        }
        Map<UUID, Money[]> computed = new LinkedHashMap<>();
        InvalidHouseholdException.Problem problem = null;
        if (f == null) {
            problem = new InvalidHouseholdException.Problem("case", "the registry's facts of the case have not arrived (no case-opened event)");
        } else {
            try {
                var household = f.householdIn(month, state.monthsOfReceiptBefore(month), state.costReductionMonthsBefore(month, waitingPeriodMonths));
                for (PersonEntitlement p : MonthAmounts.of(calculator.calculate(household)).perPerson()) {
                    computed.merge(p.personId(), new Money[] {Money.of(p.llu()), Money.of(p.kdu())},
                            (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1])});
                }
            } catch (InvalidHouseholdException e) {
                problem = e.problems().get(0);
            }
        }
        List<Person> persons = new ArrayList<>();
        if (problem != null) {
            migrated.forEach((id, m) -> persons.add(new Person(id, m[0].toBigDecimal(), m[1].toBigDecimal(), null, null, null)));
            return new Item(month, caseId, d.id(), municipality, Status.FACTS_INCOMPLETE, migratedLlu.toBigDecimal(), migratedKdu.toBigDecimal(),
                    migratedLlu.plus(migratedKdu).toBigDecimal(), null, null, null, null,
                    bounded(problem.field() == null ? "(household)" : problem.field(), 200),
                    bounded(problem.message(), 500), now, persons);
        }
        Money computedLlu = Money.ZERO;
        Money computedKdu = Money.ZERO;
        boolean equal = true;
        List<UUID> ids = new ArrayList<>(migrated.keySet());
        computed.keySet().stream().filter(id -> !migrated.containsKey(id)).forEach(ids::add);
        for (UUID id : ids) {
            Money[] m = migrated.get(id);
            Money[] c = computed.get(id);
            Money ml = m == null ? Money.ZERO : m[0];
            Money mk = m == null ? Money.ZERO : m[1];
            Money cl = c == null ? Money.ZERO : c[0];
            Money ck = c == null ? Money.ZERO : c[1];
            computedLlu = computedLlu.plus(cl);
            computedKdu = computedKdu.plus(ck);
            equal &= ml.equals(cl) && mk.equals(ck);
            persons.add(new Person(id, m == null ? null : ml.toBigDecimal(), m == null ? null : mk.toBigDecimal(),
                    c == null ? null : cl.toBigDecimal(), c == null ? null : ck.toBigDecimal(), cl.plus(ck).minus(ml.plus(mk)).toBigDecimal()));
        }
        Money difference = computedLlu.plus(computedKdu).minus(migratedLlu.plus(migratedKdu));
        return new Item(month, caseId, d.id(), municipality, equal ? Status.EQUAL : Status.DIFFERENT, migratedLlu.toBigDecimal(),
                migratedKdu.toBigDecimal(), migratedLlu.plus(migratedKdu).toBigDecimal(), computedLlu.toBigDecimal(), computedKdu.toBigDecimal(),
                computedLlu.plus(computedKdu).toBigDecimal(), difference.toBigDecimal(), null, null, now, persons);
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Summary summary(YearMonth month, String ruleSet, List<Item> items, long millis) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Money[]> sums = new HashMap<>();
        long[] all = new long[4];
        Money[] total = {Money.ZERO, Money.ZERO};
        for (Item i : items) {
            String key = i.municipality() == null ? "" : i.municipality();
            long[] c = counts.computeIfAbsent(key, k -> new long[4]);
            Money[] s = sums.computeIfAbsent(key, k -> new Money[] {Money.ZERO, Money.ZERO});
            int slot = i.status().ordinal() + 1;
            for (long[] x : List.of(c, all)) {
                x[0]++;
                x[slot]++;
            }
            if (i.status() != Status.FACTS_INCOMPLETE) {
                Money llu = Money.of(i.computedLlu()).minus(Money.of(i.migratedLlu()));
                Money kdu = Money.of(i.computedKdu()).minus(Money.of(i.migratedKdu()));
                for (Money[] x : List.of(s, total)) {
                    x[0] = x[0].plus(llu);
                    x[1] = x[1].plus(kdu);
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        counts.forEach((m, c) -> {
            Money[] s = sums.get(m);
            units.add(new Unit(m.isEmpty() ? null : m, c[0], c[1], c[2], c[3], s[0].toBigDecimal(), s[1].toBigDecimal(),
                    s[0].plus(s[1]).toBigDecimal()));
        });
        return new Summary(month, ruleSet, all[0], all[1], all[2], all[3], total[0].toBigDecimal(), total[1].toBigDecimal(),
                total[0].plus(total[1]).toBigDecimal(), units, millis);
    }

    private List<String> migratedCases() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct case_id from migrated_household order by case_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("listing the migrated households failed", e);
        }
        return out;
    }

    /**
     * Replaces the month's rows in one transaction (runs for the same month one after the other: the later one stays). One
     * statement per table and {@value #CHUNK} cases (arrays unnested), not a statement per row.
     */
    private void store(YearMonth month, List<Item> items) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(" + LOCK_SPACE + ", hashtext(?))")) {
                    ps.setString(1, month.toString());
                    ps.execute();
                }
                for (String table : List.of("migration_comparison_person", "migration_comparison")) {
                    try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where month = ?")) {
                        ps.setString(1, month.toString());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement row = c.prepareStatement("insert into migration_comparison (month, case_id, decision_id, municipality,"
                        + " status, migrated_llu, migrated_kdu, computed_llu, computed_kdu, difference, problem_field, problem_message, compared_at)"
                        + " select ?, t.*, ? from unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::numeric[], ?::numeric[],"
                        + " ?::numeric[], ?::numeric[], ?::numeric[], ?::varchar[], ?::varchar[]) as t");
                        PreparedStatement person = c.prepareStatement("insert into migration_comparison_person (month, case_id, person_id,"
                                + " ordinal, migrated_llu, migrated_kdu, computed_llu, computed_kdu)"
                                + " select ?, t.* from unnest(?::varchar[], ?::uuid[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[],"
                                + " ?::numeric[]) as t")) {
                    for (int i = 0; i < items.size(); i += CHUNK) {
                        List<Item> chunk = items.subList(i, Math.min(items.size(), i + CHUNK));
                        row.setString(1, month.toString());
                        row.setTimestamp(2, Timestamp.from(chunk.get(0).comparedAt()));
                        row.setArray(3, c.createArrayOf("varchar", chunk.stream().map(Item::caseId).toArray()));
                        row.setArray(4, c.createArrayOf("uuid", chunk.stream().map(Item::decisionId).toArray()));
                        row.setArray(5, c.createArrayOf("varchar", chunk.stream().map(Item::municipality).toArray()));
                        row.setArray(6, c.createArrayOf("varchar", chunk.stream().map(x -> x.status().name()).toArray()));
                        row.setArray(7, c.createArrayOf("numeric", chunk.stream().map(Item::migratedLlu).toArray()));
                        row.setArray(8, c.createArrayOf("numeric", chunk.stream().map(Item::migratedKdu).toArray()));
                        row.setArray(9, c.createArrayOf("numeric", chunk.stream().map(Item::computedLlu).toArray()));
                        row.setArray(10, c.createArrayOf("numeric", chunk.stream().map(Item::computedKdu).toArray()));
                        row.setArray(11, c.createArrayOf("numeric", chunk.stream().map(Item::difference).toArray()));
                        row.setArray(12, c.createArrayOf("varchar", chunk.stream().map(Item::problemField).toArray()));
                        row.setArray(13, c.createArrayOf("varchar", chunk.stream().map(Item::problemMessage).toArray()));
                        row.executeUpdate();
                        List<Object> cases = new ArrayList<>();
                        List<Object> ids = new ArrayList<>();
                        List<Object> ordinals = new ArrayList<>();
                        List<List<Object>> amounts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                        for (Item x : chunk) {
                            int ordinal = 0;
                            for (Person p : x.persons()) {
                                cases.add(x.caseId());
                                ids.add(p.personId());
                                ordinals.add(ordinal++);
                                amounts.get(0).add(p.migratedLlu());
                                amounts.get(1).add(p.migratedKdu());
                                amounts.get(2).add(p.computedLlu());
                                amounts.get(3).add(p.computedKdu());
                            }
                        }
                        person.setString(1, month.toString());
                        person.setArray(2, c.createArrayOf("varchar", cases.toArray()));
                        person.setArray(3, c.createArrayOf("uuid", ids.toArray()));
                        person.setArray(4, c.createArrayOf("int4", ordinals.toArray()));
                        for (int k = 0; k < 4; k++) {
                            person.setArray(5 + k, c.createArrayOf("numeric", amounts.get(k).toArray()));
                        }
                        person.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing the comparison of " + month + " failed", e);
            }
        });
    }

    /**
     * The stored comparison of {@code month}, largest absolute difference first (incomplete facts, without a difference, last),
     * then by case; empty when none is stored.
     */
    public List<Item> list(YearMonth month, Status status, String municipality, BigDecimal minDifference, int limit, int offset) {
        Map<String, Item> items = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select case_id, decision_id, municipality, status, migrated_llu, migrated_kdu, computed_llu,"
                + " computed_kdu, difference, problem_field, problem_message, compared_at from migration_comparison where month = ?");
        if (status != null) {
            sql.append(" and status = ?");
        }
        if (municipality != null) {
            sql.append(" and municipality = ?");
        }
        if (minDifference != null) {
            sql.append(" and abs(difference) >= ?");
        }
        sql.append(" order by abs(difference) desc nulls last, case_id limit ? offset ?");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int k = 1;
                ps.setString(k++, month.toString());
                if (status != null) {
                    ps.setString(k++, status.name());
                }
                if (municipality != null) {
                    ps.setString(k++, municipality);
                }
                if (minDifference != null) {
                    ps.setBigDecimal(k++, minDifference);
                }
                ps.setInt(k++, limit);
                ps.setInt(k, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BigDecimal ml = rs.getBigDecimal(5);
                        BigDecimal mk = rs.getBigDecimal(6);
                        BigDecimal cl = rs.getBigDecimal(7);
                        BigDecimal ck = rs.getBigDecimal(8);
                        items.put(rs.getString(1), new Item(month, rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                                Status.valueOf(rs.getString(4)), ml, mk, ml.add(mk), cl, ck, cl == null ? null : cl.add(ck), rs.getBigDecimal(9),
                                rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), new ArrayList<>()));
                    }
                }
            }
            if (items.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement ps = c.prepareStatement("select case_id, person_id, migrated_llu, migrated_kdu, computed_llu, computed_kdu"
                    + " from migration_comparison_person where month = ? and case_id = any (?) order by case_id, ordinal")) {
                ps.setString(1, month.toString());
                ps.setArray(2, c.createArrayOf("text", items.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Item item = items.get(rs.getString(1));
                        BigDecimal ml = rs.getBigDecimal(3);
                        BigDecimal mk = rs.getBigDecimal(4);
                        BigDecimal cl = rs.getBigDecimal(5);
                        BigDecimal ck = rs.getBigDecimal(6);
                        BigDecimal difference = item.status() == Status.FACTS_INCOMPLETE ? null
                                : zero(cl).add(zero(ck)).subtract(zero(ml)).subtract(zero(mk));
                        item.persons().add(new Person(rs.getObject(2, UUID.class), ml, mk, cl, ck, difference));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the comparison of " + month + " failed", e);
        }
        return List.copyOf(items.values());
    }

    private static BigDecimal zero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount;
    }
}
