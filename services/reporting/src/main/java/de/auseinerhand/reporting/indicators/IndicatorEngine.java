package de.auseinerhand.reporting.indicators;

import de.auseinerhand.events.registry.WorkingAge;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The official indicators of § 48a SGB II (K1–K3 with their supplements) for one report month,
 * per municipality and for the district, in total and by sex, from facts as known at one moment.
 * Pure: the same facts give the same figures. A person counts for the municipality responsible for
 * their case at the end of the month; a month's status is that month's entitlement.
 */
public final class IndicatorEngine {
    public static final String DISTRICT = "district";
    public static final String ALL = "ALL";
    static final Set<String> INTEGRATION_KINDS = Set.of("EMPLOYMENT_SV", "APPRENTICESHIP", "SELF_EMPLOYMENT");

    private final java.util.function.Function<YearMonth, Set<String>> activeLegalBases;

    /** @param activeLegalBases legal bases of measures that count as active labour-market policy (versioned data) */
    public IndicatorEngine(Set<String> activeLegalBases) {
        Set<String> bases = Set.copyOf(activeLegalBases);
        this.activeLegalBases = m -> bases;
    }

    /** @param activeLegalBases the mapping version in force for a month (reference/active-measures.json) */
    public IndicatorEngine(java.util.function.Function<YearMonth, Set<String>> activeLegalBases) {
        this.activeLegalBases = activeLegalBases;
    }

    /** Counts and sums of one unit (municipality or district), sex and month. */
    public static final class Figures {
        /** The names of the counts, in the order of {@link #counts()} (also the columns of the stored figures). */
        public static final List<String> COUNTS = List.of("elb", "non_employable", "single_parent_elb", "under25_elb", "lzb",
                "lzb_in_active_measure", "elb_inflow", "elb_outflow", "lzb_inflow", "lzb_outflow", "integrations",
                "integrations_of_single_parents", "integrations_of_lzb", "minijob_entries", "subsidised_entries",
                "integrations_continued_6_months", "integrations_followed_up");
        public long elb;
        public long nonEmployable;
        public long singleParentElb;
        public long under25Elb;
        public long lzb;
        public long lzbInActiveMeasure;
        public long elbInflow;
        public long elbOutflow;
        public long lzbInflow;
        public long lzbOutflow;
        public long integrations;
        public long integrationsOfSingleParents;
        public long integrationsOfLzb;
        public long minijobEntries;
        public long subsidisedEntries;
        public long integrationsContinued6Months;
        public long integrationsFollowedUp;
        public BigDecimal llu = BigDecimal.ZERO.setScale(2);
        public BigDecimal kdu = BigDecimal.ZERO.setScale(2);

        public long[] counts() {
            return new long[] {elb, nonEmployable, singleParentElb, under25Elb, lzb, lzbInActiveMeasure, elbInflow, elbOutflow, lzbInflow,
                    lzbOutflow, integrations, integrationsOfSingleParents, integrationsOfLzb, minijobEntries, subsidisedEntries,
                    integrationsContinued6Months, integrationsFollowedUp};
        }

        public static Figures of(long[] c, BigDecimal llu, BigDecimal kdu) {
            Figures f = new Figures();
            f.elb = c[0];
            f.nonEmployable = c[1];
            f.singleParentElb = c[2];
            f.under25Elb = c[3];
            f.lzb = c[4];
            f.lzbInActiveMeasure = c[5];
            f.elbInflow = c[6];
            f.elbOutflow = c[7];
            f.lzbInflow = c[8];
            f.lzbOutflow = c[9];
            f.integrations = c[10];
            f.integrationsOfSingleParents = c[11];
            f.integrationsOfLzb = c[12];
            f.minijobEntries = c[13];
            f.subsidisedEntries = c[14];
            f.integrationsContinued6Months = c[15];
            f.integrationsFollowedUp = c[16];
            f.llu = llu.setScale(2);
            f.kdu = kdu.setScale(2);
            return f;
        }

        /** {@code this + sign * other} (sign 1 or -1). */
        public Figures plus(Figures other, int sign) {
            long[] a = counts();
            long[] b = other.counts();
            for (int i = 0; i < a.length; i++) {
                a[i] += sign * b[i];
            }
            return of(a, sign > 0 ? llu.add(other.llu) : llu.subtract(other.llu), sign > 0 ? kdu.add(other.kdu) : kdu.subtract(other.kdu));
        }

        public boolean isZero() {
            for (long c : counts()) {
                if (c != 0) {
                    return false;
                }
            }
            return llu.signum() == 0 && kdu.signum() == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Figures f && java.util.Arrays.equals(counts(), f.counts()) && llu.compareTo(f.llu) == 0 && kdu.compareTo(f.kdu) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(counts());
        }
    }

    /** The indicators of one unit and sex for the report month; percentages with one decimal, null when undefined. */
    public record Indicators(String municipality, String sex, YearMonth month, Map<String, BigDecimal> values, Figures current,
                             Figures yearBefore) {
    }

    private record Status(String caseId, String municipality, boolean elb, boolean beneficiary, BigDecimal llu, BigDecimal kdu) {
    }

    /**
     * One person's share of the figures: per municipality and month ({@link #unitMonth}), what the person adds to
     * that municipality's figures, which are also the district's, in total and for the person's sex.
     */
    public record Contribution(String sex, Map<String, Figures> byUnitMonth) {
        public static final Contribution NONE = new Contribution("UNSPECIFIED", Map.of());
    }

    public static String unitMonth(String unit, YearMonth m) {
        return unit + "|" + m;
    }

    public List<Indicators> compute(Facts facts, YearMonth month, Collection<String> municipalities) {
        YearMonth first = month.minusMonths(36);
        Map<UUID, List<Facts.Measure>> measuresByPerson = new HashMap<>();
        for (Facts.Measure x : facts.measures()) {
            measuresByPerson.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(x);
        }
        Map<UUID, List<Facts.EmploymentEnd>> endsByPerson = new HashMap<>();
        for (Facts.EmploymentEnd x : facts.employmentEnds()) {
            endsByPerson.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(x);
        }
        Map<UUID, List<Facts.Integration>> integrationsByPerson = new HashMap<>();
        for (Facts.Integration x : facts.integrations()) {
            integrationsByPerson.computeIfAbsent(x.personId(), k -> new ArrayList<>()).add(x);
        }
        Map<UUID, Map<YearMonth, Status>> status = statuses(facts, first, month, null);
        Map<String, Figures> figures = new HashMap<>();
        for (Map.Entry<UUID, Map<YearMonth, Status>> e : status.entrySet()) {
            UUID person = e.getKey();
            // long-term receipt needs the 24 months before: known from month - 12 on; flows from month - 24, integrations from month - 29
            Contribution c = contribution(facts.persons().get(person), e.getValue(), measuresByPerson.getOrDefault(person, List.of()),
                    endsByPerson.getOrDefault(person, List.of()), integrationsByPerson.getOrDefault(person, List.of()), month.minusMonths(13),
                    month.minusMonths(24), month.minusMonths(29), month);
            addTo(figures, c, 1);
        }
        return indicators(figures, month, municipalities);
    }

    /**
     * A person's contribution over their whole history as the facts tell it (the facts hold the person's decisions,
     * their cases' residences, the person's own facts): every month from the first decision's to the month after the
     * last one's end. The sum of every person's contribution gives the same indicators as {@link #compute}.
     */
    public Contribution contribution(Facts facts, UUID person) {
        YearMonth first = null;
        YearMonth last = null;
        for (Facts.Decision d : facts.decisions().values()) {
            YearMonth from = YearMonth.from(d.from());
            YearMonth to = YearMonth.from(d.to());
            first = first == null || from.isBefore(first) ? from : first;
            last = last == null || to.isAfter(last) ? to : last;
        }
        if (first == null) {
            return Contribution.NONE;
        }
        Map<YearMonth, Status> own = statuses(facts, first, last, person).get(person);
        if (own == null) {
            return Contribution.NONE;
        }
        List<Facts.Measure> measures = facts.measures().stream().filter(x -> x.personId().equals(person)).toList();
        List<Facts.EmploymentEnd> ends = facts.employmentEnds().stream().filter(x -> x.personId().equals(person)).toList();
        List<Facts.Integration> integrations = facts.integrations().stream().filter(x -> x.personId().equals(person)).toList();
        return contribution(facts.persons().get(person), own, measures, ends, integrations, first, first, first, last.plusMonths(1));
    }

    /** Adds ({@code sign} 1) or removes (-1) a contribution to figures keyed by {@link #key}. */
    public static void addTo(Map<String, Figures> figures, Contribution c, int sign) {
        for (Map.Entry<String, Figures> e : c.byUnitMonth().entrySet()) {
            int bar = e.getKey().lastIndexOf('|');
            String unit = e.getKey().substring(0, bar);
            YearMonth m = YearMonth.parse(e.getKey().substring(bar + 1));
            for (String sx : List.of(ALL, c.sex())) {
                for (String u : List.of(unit, DISTRICT)) {
                    figures.merge(key(u, sx, m), sign > 0 ? e.getValue() : new Figures().plus(e.getValue(), -1), (a, b) -> a.plus(b, 1));
                }
            }
        }
    }

    /**
     * Steps 2 to 4 for one person: long-term receipt from {@code lzbFrom}, stocks and flows from {@code countFrom},
     * integrations from {@code integrationsFrom}, all up to {@code to}.
     */
    private Contribution contribution(Facts.Person p, Map<YearMonth, Status> ps, List<Facts.Measure> measures, List<Facts.EmploymentEnd> ends,
            List<Facts.Integration> integrations, YearMonth lzbFrom, YearMonth countFrom, YearMonth integrationsFrom, YearMonth to) {
        String sex = p == null ? "UNSPECIFIED" : p.sex();
        Map<String, Figures> out = new HashMap<>();
        // 2. long-term beneficiary per month (day count over the 730 days to the month's end)
        Set<YearMonth> lzb = new HashSet<>();
        for (YearMonth m = lzbFrom; !m.isAfter(to); m = m.plusMonths(1)) {
            Status s = ps.get(m);
            if (s == null || !s.elb()) {
                continue;
            }
            List<LongTermBeneficiaries.Days> days = new ArrayList<>();
            for (YearMonth w = m.minusMonths(24); !w.isAfter(m); w = w.plusMonths(1)) {
                Status ws = ps.get(w);
                if (ws != null && ws.elb()) {
                    days.add(new LongTermBeneficiaries.Days(w.atDay(1), w.atEndOfMonth()));
                }
            }
            if (LongTermBeneficiaries.isLongTerm(days, m.atEndOfMonth())) {
                lzb.add(m);
            }
        }
        // 3. stocks at the month's end and flows against the month before
        for (YearMonth m = countFrom; !m.isAfter(to); m = m.plusMonths(1)) {
            Status s = ps.get(m);
            Status prev = ps.get(m.minusMonths(1));
            if (s == null && prev == null) {
                continue;
            }
            boolean elbNow = s != null && s.elb();
            boolean elbBefore = prev != null && prev.elb();
            boolean lzbNow = lzb.contains(m);
            boolean lzbBefore = lzb.contains(m.minusMonths(1));
            if (s != null) {
                Figures f = out.computeIfAbsent(unitMonth(s.municipality(), m), k -> new Figures());
                f.llu = f.llu.add(s.llu());
                f.kdu = f.kdu.add(s.kdu());
                if (elbNow) {
                    f.elb++;
                    if (p != null && p.singleParent()) {
                        f.singleParentElb++;
                    }
                    if (p != null && p.ageIn(m) < 25) {
                        f.under25Elb++;
                    }
                } else if (s.beneficiary()) {
                    f.nonEmployable++;
                }
                if (lzbNow) {
                    f.lzb++;
                    if (inActiveMeasure(measures, m)) {
                        f.lzbInActiveMeasure++;
                    }
                }
            }
            String unitNow = s != null ? s.municipality() : prev.municipality();
            String unitBefore = prev != null ? prev.municipality() : unitNow;
            Figures f = out.computeIfAbsent(unitMonth(elbNow ? unitNow : unitBefore, m), k -> new Figures());
            if (elbNow && !elbBefore) {
                f.elbInflow++;
            }
            if (!elbNow && elbBefore) {
                f.elbOutflow++;
            }
            if (lzbNow && !lzbBefore) {
                f.lzbInflow++;
            }
            if (!lzbNow && lzbBefore) {
                f.lzbOutflow++;
            }
        }
        // 4. integrations (at most one of a kind per month, of a person in need in that month or the one before)
        Set<String> seen = new HashSet<>();
        for (Facts.Integration in : integrations) {
            YearMonth m = YearMonth.from(in.startDate());
            if (m.isBefore(integrationsFrom) || m.isAfter(to)) {
                continue;
            }
            Status s = ps.get(m) != null && ps.get(m).elb() ? ps.get(m) : ps.get(m.minusMonths(1));
            if (s == null || !s.elb()) {
                continue;
            }
            String group = INTEGRATION_KINDS.contains(in.kind()) ? "I" : "MINIJOB".equals(in.kind()) ? "M" : "SUBSIDISED".equals(in.kind()) ? "S" : null;
            if (group == null || !seen.add(group + m)) {
                continue;
            }
            Figures f = out.computeIfAbsent(unitMonth(s.municipality(), m), k -> new Figures());
            if (group.equals("I")) {
                f.integrations++;
                if (p != null && p.singleParent()) {
                    f.integrationsOfSingleParents++;
                }
                if (lzb.contains(m.minusMonths(1)) || lzb.contains(m)) {
                    f.integrationsOfLzb++;
                }
                f.integrationsFollowedUp++;
                if (continued(ends, in)) {
                    f.integrationsContinued6Months++;
                }
            } else if (group.equals("M")) {
                f.minijobEntries++;
            } else {
                f.subsidisedEntries++;
            }
        }
        out.values().removeIf(Figures::isZero);
        return new Contribution(sex, out);
    }

    /** Step 5: the indicators of every unit and sex for the report month from figures keyed by {@link #key}. */
    public List<Indicators> indicators(Map<String, Figures> figures, YearMonth month, Collection<String> municipalities) {
        List<Indicators> out = new ArrayList<>();
        List<String> units = new ArrayList<>(municipalities);
        units.add(DISTRICT);
        for (String unit : units) {
            for (String sx : List.of(ALL, "FEMALE", "MALE")) {
                out.add(indicators(unit, sx, month, figures));
            }
        }
        return out;
    }

    /**
     * The entitlement status of every person (or only {@code onlyPerson}) in every month from {@code first} to
     * {@code month}. Decisions in the order of their ids: where two cover a person in the same month, the same one wins
     * however the facts were loaded.
     */
    private static Map<UUID, Map<YearMonth, Status>> statuses(Facts facts, YearMonth first, YearMonth month, UUID onlyPerson) {
        Map<UUID, Map<YearMonth, Status>> status = new HashMap<>();
        List<Facts.Decision> decisions = new ArrayList<>(facts.decisions().values());
        decisions.sort(java.util.Comparator.comparing(Facts.Decision::decisionId));
        for (Facts.Decision d : decisions) {
            List<Facts.AmountChange> changes = facts.amountChanges().getOrDefault(d.decisionId(), List.of());
            for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
                if (!d.covers(m)) {
                    continue;
                }
                Facts.AmountChange current = null;
                for (Facts.AmountChange c : changes) {
                    if (!c.effectiveMonth().isAfter(m) && (current == null || c.effectiveMonth().isAfter(current.effectiveMonth())
                            || (c.effectiveMonth().equals(current.effectiveMonth()) && c.sequence() > current.sequence()))) {
                        current = c;
                    }
                }
                if (current == null) {
                    continue;
                }
                String municipality = null;
                int days = d.daysPaid(m);
                for (Map.Entry<UUID, BigDecimal[]> e : current.perPerson().entrySet()) {
                    if (onlyPerson != null && !onlyPerson.equals(e.getKey())) {
                        continue;
                    }
                    if (municipality == null) {
                        municipality = municipality(facts, d.caseId(), m);
                    }
                    // status from the monthly amounts, money as due for the days paid (§ 41(1) SGB II)
                    boolean beneficiary = e.getValue()[0].add(e.getValue()[1]).signum() > 0;
                    BigDecimal llu = proRata(e.getValue()[0], days);
                    BigDecimal kdu = proRata(e.getValue()[1], days);
                    Facts.Person p = facts.persons().get(e.getKey());
                    boolean elb = beneficiary && p != null && p.ableToWorkIn(m) && WorkingAge.in(p.born(), m);
                    status.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(m, new Status(d.caseId(), municipality, elb, beneficiary, llu, kdu));
                }
            }
        }
        return status;
    }

    /**
     * A monthly amount for {@code days} of a 30-day month (§ 41(1) SGB II), rounded half-up to the cent
     * per person and item, as benefit-calculation posts it.
     */
    static BigDecimal proRata(BigDecimal monthly, int days) {
        if (days >= 30) {
            return monthly;
        }
        return monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP);
    }

    /** eLb per case in a month, split into under 25 and 25 or older (for caseloads against 1:75 and 1:150). */
    public Map<String, long[]> elbByCase(Facts facts, YearMonth month) {
        Map<String, long[]> out = new HashMap<>();
        for (Map.Entry<UUID, Map<YearMonth, Status>> e : statuses(facts, month, month, null).entrySet()) {
            Status s = e.getValue().get(month);
            if (s != null && s.elb()) {
                Facts.Person p = facts.persons().get(e.getKey());
                out.computeIfAbsent(s.caseId(), k -> new long[2])[p.ageIn(month) < 25 ? 0 : 1]++;
            }
        }
        return out;
    }

    private Indicators indicators(String unit, String sex, YearMonth month, Map<String, Figures> figures) {
        Figures now = get(figures, unit, sex, month);
        Figures yearBefore = get(figures, unit, sex, month.minusMonths(12));
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put("K1", change(now.llu, yearBefore.llu));
        v.put("K1E1", change(now.kdu, yearBefore.kdu));
        v.put("K1E2", change(BigDecimal.valueOf(now.elb), BigDecimal.valueOf(yearBefore.elb)));
        BigDecimal inflowRates = BigDecimal.ZERO;
        BigDecimal outflowRates = BigDecimal.ZERO;
        BigDecimal lzbInRates = BigDecimal.ZERO;
        BigDecimal lzbOutRates = BigDecimal.ZERO;
        int inN = 0;
        int outN = 0;
        int lzbInN = 0;
        int lzbOutN = 0;
        long integrations = 0;
        long minijobs = 0;
        long subsidised = 0;
        long singleParentIntegrations = 0;
        long lzbIntegrations = 0;
        long elbSum = 0;
        long singleParentSum = 0;
        long lzbSum = 0;
        for (YearMonth m = month.minusMonths(11); !m.isAfter(month); m = m.plusMonths(1)) {
            Figures f = get(figures, unit, sex, m);
            Figures prev = get(figures, unit, sex, m.minusMonths(1));
            if (f.elb > 0) {
                inflowRates = inflowRates.add(ratio(f.elbInflow, f.elb));
                inN++;
            }
            if (prev.elb > 0) {
                outflowRates = outflowRates.add(ratio(f.elbOutflow, prev.elb));
                outN++;
            }
            if (f.lzb > 0) {
                lzbInRates = lzbInRates.add(ratio(f.lzbInflow, f.lzb));
                lzbInN++;
            }
            if (prev.lzb > 0) {
                lzbOutRates = lzbOutRates.add(ratio(f.lzbOutflow, prev.lzb));
                lzbOutN++;
            }
            integrations += f.integrations;
            minijobs += f.minijobEntries;
            subsidised += f.subsidisedEntries;
            singleParentIntegrations += f.integrationsOfSingleParents;
            lzbIntegrations += f.integrationsOfLzb;
            elbSum += f.elb;
            singleParentSum += f.singleParentElb;
            lzbSum += f.lzb;
        }
        v.put("K1E3", inN == 0 ? null : percent(inflowRates.divide(BigDecimal.valueOf(inN), MathContext.DECIMAL64)));
        v.put("K1E4", outN == 0 ? null : percent(outflowRates.divide(BigDecimal.valueOf(outN), MathContext.DECIMAL64)));
        v.put("K2", rate(integrations, elbSum));
        v.put("K2E1", rate(minijobs, elbSum));
        v.put("K2E2", rate(subsidised, elbSum));
        long followed = 0;
        long continued = 0;
        for (YearMonth m = month.minusMonths(17); !m.isAfter(month.minusMonths(6)); m = m.plusMonths(1)) {
            Figures f = get(figures, unit, sex, m);
            followed += f.integrationsFollowedUp;
            continued += f.integrationsContinued6Months;
        }
        v.put("K2E3", followed == 0 ? null : percent(ratio(continued, followed)));
        v.put("K2E4", rate(singleParentIntegrations, singleParentSum));
        v.put("K3", change(BigDecimal.valueOf(now.lzb), BigDecimal.valueOf(yearBefore.lzb)));
        v.put("K3E1", rate(lzbIntegrations, lzbSum));
        v.put("K3E2", now.lzb == 0 ? null : percent(ratio(now.lzbInActiveMeasure, now.lzb)));
        v.put("K3E3", lzbInN == 0 ? null : percent(lzbInRates.divide(BigDecimal.valueOf(lzbInN), MathContext.DECIMAL64)));
        v.put("K3E4", lzbOutN == 0 ? null : percent(lzbOutRates.divide(BigDecimal.valueOf(lzbOutN), MathContext.DECIMAL64)));
        return new Indicators(unit, sex, month, v, now, yearBefore);
    }

    /** Year-on-year change in percent, one decimal (K1, K3: current / a year earlier − 1). */
    public static BigDecimal change(BigDecimal current, BigDecimal yearBefore) {
        if (yearBefore.signum() == 0) {
            return null;
        }
        return percent(current.divide(yearBefore, MathContext.DECIMAL64).subtract(BigDecimal.ONE));
    }

    /** A 12-month sum over the average monthly stock of those months, in percent (K2: integrations / average eLb stock). */
    public static BigDecimal rate(long sum, long stockSumOver12Months) {
        if (stockSumOver12Months == 0) {
            return null;
        }
        return percent(BigDecimal.valueOf(sum).multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(stockSumOver12Months),
                MathContext.DECIMAL64));
    }

    static BigDecimal ratio(long a, long b) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL64);
    }

    static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    private boolean inActiveMeasure(List<Facts.Measure> measures, YearMonth m) {
        Set<String> active = activeLegalBases.apply(m);
        for (Facts.Measure x : measures) {
            if (active.contains(x.legalBasis()) && !x.start().isAfter(m.atEndOfMonth())
                    && (x.end() == null || !x.end().isBefore(m.atDay(1)))) {
                return true;
            }
        }
        return false;
    }

    /** K2E3: employed in each of the 6 months after the integration, i.e. no employment end before start + 6 months. */
    private static boolean continued(List<Facts.EmploymentEnd> ends, Facts.Integration in) {
        LocalDate until = in.startDate().plusMonths(6);
        for (Facts.EmploymentEnd e : ends) {
            if (!e.endDate().isBefore(in.startDate()) && e.endDate().isBefore(until)) {
                return false;
            }
        }
        return true;
    }

    private static String municipality(Facts facts, String caseId, YearMonth m) {
        String found = null;
        LocalDate best = null;
        for (Facts.Residence r : facts.residences().getOrDefault(caseId, List.of())) {
            if (!r.effectiveFrom().isAfter(m.atEndOfMonth()) && (best == null || !r.effectiveFrom().isBefore(best))) {
                best = r.effectiveFrom();
                found = r.municipality();
            }
        }
        if (found == null) {
            for (Facts.Residence r : facts.residences().getOrDefault(caseId, List.of())) {
                if (best == null || r.effectiveFrom().isBefore(best)) {
                    best = r.effectiveFrom();
                    found = r.municipality();
                }
            }
        }
        return found == null ? "unknown" : found;
    }

    private static Figures get(Map<String, Figures> figures, String unit, String sex, YearMonth m) {
        return figures.getOrDefault(key(unit, sex, m), new Figures());
    }

    public static String key(String unit, String sex, YearMonth m) {
        return unit + "|" + sex + "|" + m;
    }
}
