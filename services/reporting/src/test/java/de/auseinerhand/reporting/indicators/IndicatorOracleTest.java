package de.auseinerhand.reporting.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Oracle test: seeded random histories (cases in four municipalities over four years, decisions
 * replaced and terminated, amendments, moves, integrations) are computed by the engine and, in a
 * separate straightforward way, day by day from the raw history; the figures must agree.
 */
class IndicatorOracleTest {
    static final List<String> TOWNS = List.of("05958004", "05958012", "05958032", "05958048");
    static final YearMonth START = YearMonth.of(2022, 1);

    /**
     * The stored figures add up each person's contribution (StoredFigures): summed over every person, as stored and read
     * back, they must give the engine's indicators, every unit and sex, every value and figure.
     */
    @Test
    void contributionsOfEveryPersonAddUpToTheEnginesIndicators() {
        for (long seed = 1; seed <= 10; seed++) {
            Facts facts = history(new Random(seed));
            IndicatorEngine engine = new IndicatorEngine(Set.of("§ 16d SGB II"));
            Map<String, IndicatorEngine.Figures> summed = new HashMap<>();
            Set<UUID> everyone = new HashSet<>(facts.persons().keySet());
            facts.amountChanges().values().forEach(cs -> cs.forEach(c -> everyone.addAll(c.perPerson().keySet())));
            for (UUID person : everyone) {
                IndicatorEngine.Contribution c = engine.contribution(facts, person);
                IndicatorEngine.Contribution stored = StoredFigures.decode(c.sex(), StoredFigures.encode(c));
                assertThat(stored).as("seed " + seed + " stored contribution").isEqualTo(c);
                IndicatorEngine.addTo(summed, stored, 1);
            }
            for (YearMonth month : List.of(YearMonth.of(2025, 3), YearMonth.of(2026, 2))) {
                List<IndicatorEngine.Indicators> folded = engine.compute(facts, month, TOWNS);
                List<IndicatorEngine.Indicators> added = engine.indicators(summed, month, TOWNS);
                assertThat(added).hasSameSizeAs(folded);
                for (int i = 0; i < folded.size(); i++) {
                    String at = "seed " + seed + ", " + month + ", " + folded.get(i).municipality() + " " + folded.get(i).sex();
                    assertThat(added.get(i).values()).as(at).isEqualTo(folded.get(i).values());
                    assertThat(added.get(i).current()).as(at + " figures").isEqualTo(folded.get(i).current());
                    assertThat(added.get(i).yearBefore()).as(at + " year before").isEqualTo(folded.get(i).yearBefore());
                }
            }
        }
    }

    @Test
    void engineAgreesWithADayByDayComputationOfTheRawHistory() {
        for (long seed = 1; seed <= 10; seed++) {
            Facts facts = history(new Random(seed));
            for (YearMonth month : List.of(YearMonth.of(2025, 3), YearMonth.of(2026, 2))) {
                List<IndicatorEngine.Indicators> result = new IndicatorEngine(Set.of("§ 16d SGB II")).compute(facts, month, TOWNS);
                for (String unit : concat(TOWNS, IndicatorEngine.DISTRICT)) {
                    IndicatorEngine.Indicators got = result.stream()
                            .filter(i -> i.municipality().equals(unit) && i.sex().equals(IndicatorEngine.ALL)).findFirst().orElseThrow();
                    String at = "seed " + seed + ", " + month + ", " + unit;
                    Oracle now = oracle(facts, unit, month, true);
                    Oracle before = oracle(facts, unit, month.minusMonths(12), true);
                    assertThat(got.current().elb).as(at + " eLb").isEqualTo(now.elb);
                    assertThat(got.current().lzb).as(at + " LZB").isEqualTo(now.lzb);
                    assertThat(got.current().llu).as(at + " LLU").isEqualByComparingTo(now.llu);
                    assertThat(got.current().kdu).as(at + " KdU").isEqualByComparingTo(now.kdu);
                    assertThat(got.values().get("K1")).as(at + " K1").isEqualTo(IndicatorEngine.change(now.llu, before.llu));
                    assertThat(got.values().get("K1E2")).as(at + " K1E2")
                            .isEqualTo(IndicatorEngine.change(BigDecimal.valueOf(now.elb), BigDecimal.valueOf(before.elb)));
                    assertThat(got.values().get("K3")).as(at + " K3")
                            .isEqualTo(IndicatorEngine.change(BigDecimal.valueOf(now.lzb), BigDecimal.valueOf(before.lzb)));
                    long integrations = 0;
                    long stock = 0;
                    for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
                        Oracle o = oracle(facts, unit, m, false);
                        integrations += o.integrations;
                        stock += o.elb;
                    }
                    assertThat(got.values().get("K2")).as(at + " K2").isEqualTo(IndicatorEngine.rate(integrations, stock));
                }
            }
        }
    }

    record Oracle(long elb, long lzb, BigDecimal llu, BigDecimal kdu, long integrations) {
    }

    /** Straight from the raw history: who is an eLb on which day, summed for one unit and month. */
    static Oracle oracle(Facts f, String unit, YearMonth month, boolean countLzb) {
        long elb = 0;
        long lzb = 0;
        BigDecimal llu = BigDecimal.ZERO;
        BigDecimal kdu = BigDecimal.ZERO;
        for (Facts.Person p : f.persons().values()) {
            BigDecimal[] amounts = amountsOn(f, p.personId(), month.atEndOfMonth());
            if (amounts == null) {
                continue;
            }
            String town = townOn(f, caseOf(f, p.personId(), month.atEndOfMonth()), month.atEndOfMonth());
            if (!unit.equals(IndicatorEngine.DISTRICT) && !unit.equals(town)) {
                continue;
            }
            llu = llu.add(amounts[0]);
            kdu = kdu.add(amounts[1]);
            if (elbOn(f, p, month.atEndOfMonth())) {
                elb++;
                if (!countLzb) {
                    continue;
                }
                int days = 0;
                for (LocalDate d = month.atEndOfMonth().minusYears(2).plusDays(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    if (elbOn(f, p, d)) {
                        days++;
                    }
                }
                if (days >= 638) {
                    lzb++;
                }
            }
        }
        long integrations = 0;
        Set<String> seen = new HashSet<>();
        for (Facts.Integration in : f.integrations()) {
            if (!YearMonth.from(in.startDate()).equals(month) || !IndicatorEngine.INTEGRATION_KINDS.contains(in.kind())) {
                continue;
            }
            Facts.Person p = f.persons().get(in.personId());
            LocalDate ref = elbOn(f, p, month.atEndOfMonth()) ? month.atEndOfMonth() : month.minusMonths(1).atEndOfMonth();
            if (!elbOn(f, p, ref)) {
                continue;
            }
            String town = townOn(f, caseOf(f, p.personId(), ref), ref);
            if ((unit.equals(IndicatorEngine.DISTRICT) || unit.equals(town)) && seen.add(in.personId() + "|" + month)) {
                integrations++;
            }
        }
        return new Oracle(elb, lzb, llu, kdu, integrations);
    }

    static boolean elbOn(Facts f, Facts.Person p, LocalDate day) {
        BigDecimal[] a = amountsOn(f, p.personId(), day);
        return a != null && a[0].add(a[1]).signum() > 0 && p.employable()
                && de.auseinerhand.testsupport.AgeLimitTable.ofWorkingAge(p.born(), YearMonth.from(day));
    }

    static BigDecimal[] amountsOn(Facts f, UUID person, LocalDate day) {
        for (Facts.Decision d : f.decisions().values()) {
            boolean live = d.replacedBy() == null && !day.isBefore(d.from()) && !day.isAfter(d.to())
                    && (d.terminatedFrom() == null || day.isBefore(d.terminatedFrom()));
            if (!live) {
                continue;
            }
            Facts.AmountChange latest = null;
            for (Facts.AmountChange c : f.amountChanges().get(d.decisionId())) {
                if (!c.effectiveMonth().atDay(1).isAfter(day) && (latest == null || c.effectiveMonth().isAfter(latest.effectiveMonth())
                        || c.effectiveMonth().equals(latest.effectiveMonth()) && c.sequence() > latest.sequence())) {
                    latest = c;
                }
            }
            if (latest != null && latest.perPerson().containsKey(person)) {
                return latest.perPerson().get(person);
            }
        }
        return null;
    }

    static String caseOf(Facts f, UUID person, LocalDate day) {
        for (Facts.Decision d : f.decisions().values()) {
            for (Facts.AmountChange c : f.amountChanges().get(d.decisionId())) {
                if (c.perPerson().containsKey(person)) {
                    return d.caseId();
                }
            }
        }
        return null;
    }

    static String townOn(Facts f, String caseId, LocalDate day) {
        Facts.Residence best = null;
        for (Facts.Residence r : f.residences().get(caseId)) {
            if (!r.effectiveFrom().isAfter(day) && (best == null || !r.effectiveFrom().isBefore(best.effectiveFrom()))) {
                best = r;
            }
        }
        return best.municipality();
    }

    /** Cases with one to three persons, consecutive decisions with gaps, replacements, terminations at month starts, amendments, moves. */
    static Facts history(Random r) {
        Map<String, List<Facts.Residence>> residences = new HashMap<>();
        Map<UUID, Facts.Person> persons = new HashMap<>();
        Map<UUID, Facts.Decision> decisions = new HashMap<>();
        Map<UUID, List<Facts.AmountChange>> changes = new HashMap<>();
        List<Facts.Integration> integrations = new ArrayList<>();
        long seq = 0;
        for (int c = 0; c < 40; c++) {
            String caseId = "BG-" + c;
            List<Facts.Residence> res = new ArrayList<>();
            res.add(new Facts.Residence(START.atDay(1), TOWNS.get(r.nextInt(TOWNS.size()))));
            if (r.nextInt(4) == 0) {
                res.add(new Facts.Residence(START.plusMonths(6 + r.nextInt(40)).atDay(1), TOWNS.get(r.nextInt(TOWNS.size()))));
            }
            residences.put(caseId, res);
            List<UUID> members = new ArrayList<>();
            for (int k = 0; k <= r.nextInt(3); k++) {
                UUID id = UUID.randomUUID();
                persons.put(id, new Facts.Person(id, r.nextBoolean() ? "FEMALE" : "MALE", YearMonth.of(1950 + r.nextInt(60), 1 + r.nextInt(12)),
                        r.nextInt(5) > 0, r.nextInt(6) == 0));
                members.add(id);
                if (r.nextInt(3) == 0) {
                    integrations.add(new Facts.Integration(id, List.of("EMPLOYMENT_SV", "MINIJOB", "APPRENTICESHIP", "SUBSIDISED").get(r.nextInt(4)),
                            START.plusMonths(20 + r.nextInt(30)).atDay(1 + r.nextInt(28)), false));
                }
            }
            YearMonth from = START.plusMonths(r.nextInt(12));
            while (from.isBefore(YearMonth.of(2026, 6))) {
                int length = r.nextBoolean() ? 12 : 6;
                UUID id = UUID.randomUUID();
                YearMonth to = from.plusMonths(length - 1);
                LocalDate terminated = r.nextInt(6) == 0 ? from.plusMonths(r.nextInt(length)).atDay(1) : null;
                UUID replacedBy = null;
                if (r.nextInt(5) == 0) {
                    // a provisional decision replaced by a final one for the same period
                    replacedBy = UUID.randomUUID();
                    decisions.put(replacedBy, new Facts.Decision(replacedBy, caseId, from.atDay(1), to.atEndOfMonth(), null, terminated));
                    changes.put(replacedBy, amountChanges(r, members, from, to, seq += 100));
                }
                decisions.put(id, new Facts.Decision(id, caseId, from.atDay(1), to.atEndOfMonth(), replacedBy, replacedBy == null ? terminated : null));
                changes.put(id, amountChanges(r, members, from, to, seq += 100));
                from = to.plusMonths(1 + (r.nextInt(4) == 0 ? r.nextInt(5) : 0));
            }
        }
        return new Facts(residences, persons, decisions, changes, integrations, List.of(), List.of());
    }

    static List<Facts.AmountChange> amountChanges(Random r, List<UUID> members, YearMonth from, YearMonth to, long seq) {
        List<Facts.AmountChange> out = new ArrayList<>();
        out.add(new Facts.AmountChange(from, seq, amounts(r, members)));
        for (YearMonth m = from.plusMonths(1); !m.isAfter(to); m = m.plusMonths(1)) {
            if (r.nextInt(5) == 0) {
                out.add(new Facts.AmountChange(m, seq + out.size(), amounts(r, members)));
            }
        }
        return out;
    }

    static Map<UUID, BigDecimal[]> amounts(Random r, List<UUID> members) {
        Map<UUID, BigDecimal[]> out = new HashMap<>();
        for (UUID m : members) {
            BigDecimal llu = r.nextInt(8) == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(r.nextInt(60_000), 2);
            BigDecimal kdu = r.nextInt(8) == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(r.nextInt(50_000), 2);
            out.put(m, new BigDecimal[] {llu, kdu});
        }
        return out;
    }

    static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
