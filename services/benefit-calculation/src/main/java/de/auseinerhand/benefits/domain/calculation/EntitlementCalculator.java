package de.auseinerhand.benefits.domain.calculation;

import de.auseinerhand.benefits.domain.calculation.CalculationSheet.AssetPart;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.HousingPart;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.IncomePart;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.Line;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet.MemberPart;
import de.auseinerhand.benefits.domain.calculation.Household.Asset;
import de.auseinerhand.benefits.domain.calculation.Household.Income;
import de.auseinerhand.benefits.domain.calculation.Household.Member;
import de.auseinerhand.benefits.domain.rules.AdequacyLimit;
import de.auseinerhand.benefits.domain.rules.AdequacyLimits;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bürgergeld for one household and one month, in the order of {@code benefit-rules.md}:
 * needs per member (§§ 20–23, § 72), countable income per member (§§ 11–11b), children first
 * (§ 7(3) Nr. 4, § 11(1) S. 4–5), the partners' income distributed by need shares (§ 9(2) S. 3),
 * income against standard and additional needs before housing (§ 19(3)), assets (§ 12),
 * per-day pro rata and half-up cents (§ 41). Paragraphs are of SGB II unless named otherwise.
 * Pure and thread-safe; all amounts in whole cents.
 */
public final class EntitlementCalculator {

    private final RuleSets ruleSets;
    private final AdequacyLimits adequacyLimits;

    public EntitlementCalculator(RuleSets ruleSets, AdequacyLimits adequacyLimits) {
        this.ruleSets = ruleSets;
        this.adequacyLimits = adequacyLimits;
    }

    public RuleSets ruleSets() {
        return ruleSets;
    }

    public AdequacyLimits adequacyLimits() {
        return adequacyLimits;
    }

    public CalculationSheet calculate(Household h) {
        Validated v = validate(h);
        return new Run(h, v).sheet();
    }

    // ---------------------------------------------------------------- validation

    private record Validated(RuleSet ruleSet, AdequacyLimit limit, int[] ages, int headIndex, int partnerIndex,
                             int[][] parents, Map<String, Integer> indexById) {
    }

    private Validated validate(Household h) {
        List<InvalidHouseholdException.Problem> problems = new ArrayList<>();
        RuleSet rs = null;
        if (h.month() == null) {
            problem(problems, "month", "the benefit month is required");
        } else {
            rs = ruleSets.forMonth(h.month());
            if (rs == null) {
                problem(problems, "month", "no rule set covers " + h.month() + "; rule sets start on " + ruleSets.earliest());
            }
            if (h.from() != null && !YearMonth.from(h.from()).equals(h.month())) {
                problem(problems, "from", "must lie in the benefit month " + h.month());
            }
            if (h.to() != null && !YearMonth.from(h.to()).equals(h.month())) {
                problem(problems, "to", "must lie in the benefit month " + h.month());
            }
            if (h.from() != null && h.to() != null && h.to().isBefore(h.from())) {
                problem(problems, "to", "must not be before from");
            }
        }
        if (h.monthsOfReceipt() < 0) {
            problem(problems, "monthsOfReceipt", "must not be negative");
        }
        List<Member> members = h.members() == null ? List.of() : h.members();
        int n = members.size();
        int[] ages = new int[n];
        int[][] parents = new int[n][];
        Map<String, Integer> indexById = new HashMap<>();
        int head = -1;
        int partner = -1;
        int heads = 0;
        int partners = 0;
        if (n == 0) {
            problem(problems, "members", "at least one member is required");
        }
        LocalDate monthStart = h.month() == null ? null : h.month().atDay(1);
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            String at = "members[" + i + "]";
            if (m == null) {
                problem(problems, at, "must not be null");
                continue;
            }
            if (m.id() == null || m.id().isBlank()) {
                problem(problems, at + ".id", "is required");
            } else if (indexById.put(m.id(), i) != null) {
                problem(problems, at + ".id", "'" + m.id() + "' is used twice");
            }
            if (m.role() == null) {
                problem(problems, at + ".role", "is required (HEAD, PARTNER, CHILD, OTHER)");
            } else if (m.role() == PersonRole.HEAD) {
                heads++;
                head = i;
            } else if (m.role() == PersonRole.PARTNER) {
                partners++;
                partner = i;
            }
            if (m.birthDate() == null && m.age() == null) {
                problem(problems, at + ".birthDate", "birth date or age is required");
            } else if (m.birthDate() != null && h.month() != null && m.birthDate().isAfter(h.month().atEndOfMonth())) {
                problem(problems, at + ".birthDate", "lies after the benefit month");
            } else if (m.birthDate() == null && (m.age() < 0 || m.age() > 120)) {
                problem(problems, at + ".age", "must be between 0 and 120");
            } else if (monthStart != null) {
                ages[i] = ageFor(m, monthStart);
            }
            if (m.reductionPercent() < 0 || m.reductionPercent() > 100) {
                problem(problems, at + ".reductionPercent", "must be between 0 and 100");
            }
            if (m.costlyDiet() != null && m.costlyDiet().cents() < 0) {
                problem(problems, at + ".costlyDiet", "must not be negative");
            }
        }
        if (n > 0 && heads != 1) {
            problem(problems, "members", "a case has exactly one member with role HEAD, found " + heads);
        }
        if (partners > 1) {
            problem(problems, "members", "a case has at most one PARTNER, found " + partners);
        }
        boolean agesKnown = problems.stream().noneMatch(p -> p.field().endsWith("birthDate") || p.field().endsWith(".age")
                || p.field().equals("month"));
        for (int i = 0; i < n && agesKnown; i++) {
            Member m = members.get(i);
            if (m == null || m.role() == null) {
                continue;
            }
            String ageField = "members[" + i + "]." + (m.birthDate() != null ? "birthDate" : "age");
            if (m.role() == PersonRole.PARTNER && ages[i] < 18) {
                problem(problems, ageField, "a partner must be an adult (§ 7(3) Nr. 3 SGB II), age " + ages[i]);
            }
            if (m.role() == PersonRole.HEAD && ages[i] < 15) {
                problem(problems, ageField, "the head of a case must be at least 15 (§ 7(1) Nr. 1 SGB II), age " + ages[i]);
            }
            if (m.role() == PersonRole.CHILD && ages[i] >= 25) {
                problem(problems, ageField, "a child belongs to the case only under 25 (§ 7(3) Nr. 4 SGB II), age " + ages[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            Member m = members.get(i);
            if (m == null) {
                continue;
            }
            List<String> parentIds = m.parentIds() == null ? List.of() : m.parentIds();
            int[] ps = new int[parentIds.size()];
            for (int k = 0; k < parentIds.size(); k++) {
                Integer p = indexById.get(parentIds.get(k));
                String at = "members[" + i + "].parentIds[" + k + "]";
                if (p == null || p == i) {
                    problem(problems, at, "'" + parentIds.get(k) + "' is not another member of the household");
                    ps[k] = -1;
                    continue;
                }
                ps[k] = p;
                if (agesKnown && ages[p] <= ages[i]) {
                    problem(problems, at, "the parent (age " + ages[p] + ") must be older than the child (age " + ages[i] + ")");
                }
            }
            parents[i] = ps;
            List<Income> incomes = m.incomes() == null ? List.of() : m.incomes();
            for (int k = 0; k < incomes.size(); k++) {
                Income in = incomes.get(k);
                String at = "members[" + i + "].incomes[" + k + "]";
                if (in == null) {
                    problem(problems, at, "must not be null");
                    continue;
                }
                if (in.kind() == null) {
                    problem(problems, at + ".kind", "is required");
                }
                if (in.gross() == null || in.gross().cents() < 0) {
                    problem(problems, at + ".gross", "is required and must not be negative");
                    continue;
                }
                if (in.incomeTax().cents() < 0) {
                    problem(problems, at + ".incomeTax", "must not be negative");
                }
                if (in.socialContributions().cents() < 0) {
                    problem(problems, at + ".socialContributions", "must not be negative");
                }
                if (in.net().cents() < 0) {
                    problem(problems, at + ".socialContributions", "taxes and contributions exceed the gross income");
                }
                if (in.paidTo() != null && !indexById.containsKey(in.paidTo())) {
                    problem(problems, at + ".paidTo", "'" + in.paidTo() + "' is not a member of the household");
                }
            }
        }
        AdequacyLimit limit = null;
        Household.Housing housing = h.housing();
        if (housing == null) {
            problem(problems, "housing", "housing costs are required (give zeros when there are none)");
        } else {
            if (housing.rent() == null || housing.rent().cents() < 0) {
                problem(problems, "housing.rent", "is required and must not be negative");
            }
            if (housing.utilities() == null || housing.utilities().cents() < 0) {
                problem(problems, "housing.utilities", "is required and must not be negative");
            }
            if (housing.heating() == null || housing.heating().cents() < 0) {
                problem(problems, "housing.heating", "is required and must not be negative");
            }
            if (housing.personsInHousehold() < Math.max(1, n)) {
                problem(problems, "housing.personsInHousehold", "must count everyone living there, at least the " + n + " members");
            }
            if (housing.costReductionMonths() < 0) {
                problem(problems, "housing.costReductionMonths", "must not be negative");
            }
            if (h.explicitLimit() != null) {
                limit = h.explicitLimit();
                if (limit.grossColdRent() == null || limit.grossColdRent().cents() < 0) {
                    problem(problems, "adequacyLimit.grossColdRent", "is required and must not be negative");
                }
                if (limit.heating() == null || limit.heating().cents() < 0) {
                    problem(problems, "adequacyLimit.heating", "is required and must not be negative");
                }
            } else if (h.municipality() == null || h.municipality().isBlank()) {
                problem(problems, "municipality", "a municipality (AGS) or an explicit adequacyLimit is required");
            } else if (!adequacyLimits.knows(h.municipality())) {
                problem(problems, "municipality", "unknown municipality '" + h.municipality() + "'");
            } else if (rs != null && housing.personsInHousehold() > 0) {
                limit = adequacyLimits.limit(h.municipality(), monthStart, housing.personsInHousehold());
                if (limit == null) {
                    problem(problems, "municipality", "no adequacy limits of " + h.municipality() + " are in force in " + h.month());
                }
            }
        }
        List<Asset> assets = h.assets() == null ? List.of() : h.assets();
        for (int k = 0; k < assets.size(); k++) {
            Asset a = assets.get(k);
            String at = "assets[" + k + "]";
            if (a == null || a.kind() == null) {
                problem(problems, at + ".kind", "is required");
            } else if (a.value() == null || a.value().cents() < 0) {
                problem(problems, at + ".value", "is required and must not be negative");
            } else if (a.ownerId() != null && !indexById.containsKey(a.ownerId())) {
                problem(problems, at + ".ownerId", "'" + a.ownerId() + "' is not a member of the household");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidHouseholdException(problems);
        }
        return new Validated(rs, limit, ages, head, partner, parents, indexById);
    }

    private static void problem(List<InvalidHouseholdException.Problem> problems, String field, String message) {
        problems.add(new InvalidHouseholdException.Problem(field, message));
    }

    /**
     * Age in completed years at the end of the month before {@code monthStart}: a new standard-need
     * level applies from the month after the birthday (§ 23 Nr. 1 SGB II, § 8(1) RBEG).
     */
    static int ageFor(Member m, LocalDate monthStart) {
        if (m.birthDate() == null) {
            return m.age();
        }
        LocalDate reference = monthStart.minusDays(1);
        return reference.isBefore(m.birthDate()) ? 0 : Period.between(m.birthDate(), reference).getYears();
    }

    // ---------------------------------------------------------------- calculation

    private final class Run {
        final Household h;
        final RuleSet rs;
        final List<Member> members;
        final int n;
        final int[] ages;
        final int[][] parents;
        final int head;
        final int partner;
        final int days;
        final LocalDate from;
        final LocalDate to;
        final List<Line> notes = new ArrayList<>();

        final int[] level;
        final Money[] standard;
        final boolean[] candidate;
        final List<List<Line>> needLines = new ArrayList<>();
        final Money[] lluNeed;
        final Money[] kduNeed;
        final List<List<IncomePart>> incomeParts = new ArrayList<>();
        final Money[] ownIncome;
        final Money[] childBenefitIncome;
        final boolean[] inCase;
        final String[] caseNote;
        final boolean[] flatApplied;

        Run(Household h, Validated v) {
            this.h = h;
            this.rs = v.ruleSet();
            this.members = h.members();
            this.n = members.size();
            this.ages = v.ages();
            this.parents = v.parents();
            this.head = v.headIndex();
            this.partner = v.partnerIndex();
            LocalDate monthStart = h.month().atDay(1);
            LocalDate monthEnd = h.month().atEndOfMonth();
            this.from = h.from() == null ? monthStart : h.from();
            this.to = h.to() == null ? monthEnd : h.to();
            this.days = from.equals(monthStart) && to.equals(monthEnd) ? 30
                    : (int) Math.min(30, ChronoUnit.DAYS.between(from, to) + 1);
            this.level = new int[n];
            this.standard = new Money[n];
            this.candidate = new boolean[n];
            this.lluNeed = new Money[n];
            this.kduNeed = new Money[n];
            this.ownIncome = new Money[n];
            this.childBenefitIncome = new Money[n];
            this.inCase = new boolean[n];
            this.caseNote = new String[n];
            this.flatApplied = new boolean[n];
            this.limit = v.limit();
        }

        final AdequacyLimit limit;

        boolean isParentOf(int parent, int child) {
            if (members.get(child).role() != PersonRole.CHILD) {
                return false;
            }
            int[] ps = parents[child];
            if (ps.length == 0) {
                return parent == head || parent == partner;
            }
            for (int p : ps) {
                if (p == parent) {
                    return true;
                }
            }
            return false;
        }

        boolean minorChildInHousehold() {
            for (int i = 0; i < n; i++) {
                if (members.get(i).role() == PersonRole.CHILD && ages[i] < 18) {
                    return true;
                }
            }
            return false;
        }

        CalculationSheet sheet() {
            HousingPart housing = housing();
            for (int i = 0; i < n; i++) {
                candidate[i] = members.get(i).role() != PersonRole.OTHER;
                needLines.add(candidate[i] ? needs(i, housingShare(housing, i)) : List.of());
            }
            boolean withChild = minorChildInHousehold();
            for (int i = 0; i < n; i++) {
                incomeParts.add(incomes(i, withChild));
            }
            applyInsuranceFlatRates();
            // § 7(3) Nr. 4, § 11(1) S. 4-5: a child's own income covers only its own need; a child whose
            // income covers it is not part of the case, and the unused child benefit goes to the parent.
            for (int i = 0; i < n; i++) {
                Member m = members.get(i);
                inCase[i] = candidate[i];
                if (!candidate[i]) {
                    caseNote[i] = "lives in the household but is not part of the case (§ 7(3) SGB II); counts for the housing split";
                    continue;
                }
                if (m.role() != PersonRole.CHILD) {
                    continue;
                }
                Money need = lluNeed[i].plus(kduNeed[i]);
                if (ownIncome[i].compareTo(need) >= 0) {
                    inCase[i] = false;
                    caseNote[i] = "own income " + ownIncome[i] + " covers the need " + need
                            + ": not part of the case (§ 7(3) Nr. 4 SGB II)";
                    Money surplus = ownIncome[i].minus(need).min(childBenefitIncome[i]);
                    if (surplus.isPositive()) {
                        int receiver = childBenefitReceiver(i);
                        addChildBenefitSurplus(receiver, i, surplus);
                    }
                }
            }
            applyInsuranceFlatRates();
            AssetPart assets = assets();
            List<MemberPart> parts = distribute(assets);
            Money need = Money.ZERO;
            Money income = Money.ZERO;
            Money llu = Money.ZERO;
            Money kdu = Money.ZERO;
            Money reductions = Money.ZERO;
            for (MemberPart p : parts) {
                if (!p.inCase()) {
                    continue;
                }
                need = need.plus(p.lluNeed()).plus(p.kduNeed());
                income = income.plus(p.incomeApplied());
                llu = llu.plus(p.lluEntitlement());
                kdu = kdu.plus(p.kduEntitlement());
                reductions = reductions.plus(p.reduction());
            }
            Money entitlement = llu.plus(kdu);
            CalculationSheet.Totals totals = new CalculationSheet.Totals(need, income, llu, kdu, entitlement, reductions,
                    entitlement.minus(reductions));
            if (!rs.law().benefitName().equals("Bürgergeld")) {
                notes.add(new Line("LAW_IN_FORCE", null, rs.law().legalBasis(),
                        rs.law().benefitName() + " under the rules in force from " + rs.validFrom() + " (rule set " + rs.id() + ")"));
            }
            if (days != 30) {
                notes.add(new Line("PARTIAL_MONTH", null, "§ 41(1) SGB II",
                        days + " of 30 days (" + from + " to " + to + "): monthly amounts × " + days + " / 30"));
            }
            CalculationSheet.ApprovalPeriod period = housing.aboveLimit()
                    ? new CalculationSheet.ApprovalPeriod(6, "§ 41(3) S. 2 SGB II", "housing costs above the adequacy limit")
                    : new CalculationSheet.ApprovalPeriod(12, "§ 41(3) S. 1 SGB II", "regular approval period");
            return new CalculationSheet(h.month(), rs.id(), rs.validFrom(), rs.law().benefitName(), h.municipality(), from, to, days,
                    entitlement.isPositive(), List.copyOf(notes), housing, assets, parts, totals, period);
        }

        // -------------------------------------------------- § 22 housing

        HousingPart housing() {
            Household.Housing hs = h.housing();
            List<Line> lines = new ArrayList<>(4);
            Money grossCold = hs.grossColdRent();
            boolean waiting = h.monthsOfReceipt() < rs.housingWaitingPeriodMonths();
            boolean rentAbove = grossCold.compareTo(limit.grossColdRent()) > 0;
            boolean heatingAbove = hs.heating().compareTo(limit.heating()) > 0;
            Money rent;
            if (!rentAbove) {
                rent = grossCold;
                lines.add(new Line("RENT_AND_UTILITIES", rent, "§ 22(1) S. 1 SGB II", "within the adequacy limit " + limit.grossColdRent()));
            } else if (waiting && rs.law().housingWaitingCapBasisPoints() > 0
                    && grossCold.compareTo(limit.grossColdRent().percent(rs.law().housingWaitingCapBasisPoints())) > 0) {
                // 13th amending act: in the waiting period actual costs only up to a multiple of the limit
                rent = limit.grossColdRent().percent(rs.law().housingWaitingCapBasisPoints());
                lines.add(new Line("RENT_AND_UTILITIES", rent, "§ 22(1) S. 2 SGB II (" + rs.law().benefitName() + ")",
                        "waiting period (month " + (h.monthsOfReceipt() + 1) + " of " + rs.housingWaitingPeriodMonths()
                                + "): actual " + grossCold + " recognised up to " + pct(rs.law().housingWaitingCapBasisPoints())
                                + " of the limit " + limit.grossColdRent()));
            } else if (waiting) {
                rent = grossCold;
                lines.add(new Line("RENT_AND_UTILITIES", rent, "§ 22(1) S. 2 SGB II",
                        "above the limit " + limit.grossColdRent() + ", actual costs in the waiting period (month "
                                + (h.monthsOfReceipt() + 1) + " of " + rs.housingWaitingPeriodMonths() + ")"));
            } else if (hs.costReductionMonths() < rs.costReductionMonths()) {
                rent = grossCold;
                lines.add(new Line("RENT_AND_UTILITIES", rent, "§ 22(1) S. 7 SGB II",
                        "above the limit " + limit.grossColdRent() + ", actual costs while the cost-reduction procedure runs ("
                                + hs.costReductionMonths() + " of " + rs.costReductionMonths() + " months)"));
            } else {
                rent = limit.grossColdRent();
                lines.add(new Line("RENT_AND_UTILITIES", rent, "§ 22(1) S. 1 SGB II",
                        "capped at the adequacy limit; actual " + grossCold));
            }
            Money heating = hs.heating().min(limit.heating());
            lines.add(new Line("HEATING", heating, "§ 22(1) S. 1 SGB II", heatingAbove
                    ? "capped at the adequate heating costs " + limit.heating() + "; actual " + hs.heating()
                            + " (the waiting period does not cover heating, § 22(1) S. 2)"
                    : "within the adequate heating costs " + limit.heating()));
            Money recognised = rent.plus(heating);
            // per head (Kopfteilprinzip), the cents that do not divide evenly to the first members, one each
            // (largest remainder with equal remainders): the shares of everyone living there add up to the
            // recognised costs exactly
            int heads = hs.personsInHousehold();
            Money perHead = Money.ofCents(recognised.cents() / heads);
            long odd = recognised.cents() % heads;
            lines.add(new Line("SHARE_PER_HEAD", perHead, "§ 22(1) SGB II",
                    "split per head over " + heads + " persons living in the dwelling"
                            + (odd == 0 ? "" : "; " + odd + " of them (the first members) carry one cent more, so the shares add up to "
                                    + recognised)));
            return new HousingPart(hs.rent(), hs.utilities(), hs.heating(), hs.personsInHousehold(), limit.grossColdRent(),
                    limit.heating(), limit.source() == null ? "explicit" : limit.source(), waiting,
                    rentAbove || heatingAbove, lines, recognised, perHead);
        }

        /** Member {@code i}'s share of the recognised housing costs: the share per head, plus one cent for the first odd ones. */
        Money housingShare(HousingPart housing, int i) {
            long odd = housing.recognised().cents() % housing.personsInHousehold();
            return i < odd ? housing.sharePerHead().plus(Money.ofCents(1)) : housing.sharePerHead();
        }

        // -------------------------------------------------- §§ 20, 21, 23, 72 needs

        List<Line> needs(int i, Money housingShare) {
            Member m = members.get(i);
            int age = ages[i];
            int lvl;
            String para;
            switch (m.role()) {
                case PARTNER, HEAD -> {
                    if (partner >= 0) {
                        // § 20(4): two partners (both of age, validated), level 2 each
                        lvl = 2;
                        para = m.employable() ? "§ 20(4) SGB II" : "§ 23 Nr. 1 SGB II with § 20(4)";
                    } else if (age < 25 && m.movedOutWithoutConsent()) {
                        // § 20(3): under 25, moved out without the promise of § 22(5): the amount of § 20(2) S. 2
                        // until the 25th birthday, level 4 under 18, level 3 from 18
                        lvl = age < 18 ? 4 : 3;
                        para = "§ 20(3) with § 20(2) S. 2 Nr. " + (age < 18 ? "1" : "2") + " SGB II";
                    } else {
                        // § 20(2) S. 1: alleinstehend or alleinerziehend, whatever the person's own age (a minor
                        // living alone is alleinstehend, level 1, and gets no § 72 supplement)
                        lvl = 1;
                        para = (m.employable() ? "§ 20(2) S. 1 SGB II" : "§ 23 Nr. 1 SGB II with § 20(2) S. 1")
                                + (age < 18 ? ", a minor living alone" : "");
                    }
                }
                default -> {
                    if (age >= 18) {
                        lvl = 3;
                        para = "§ 20(2) S. 2 Nr. 2 SGB II";
                    } else if (age >= 14) {
                        lvl = 4;
                        para = m.employable() && age >= 15 ? "§ 20(2) S. 2 Nr. 1 SGB II" : "§ 23 Nr. 1 SGB II";
                    } else {
                        lvl = age >= 6 ? 5 : 6;
                        para = "§ 23 Nr. 1 SGB II";
                    }
                }
            }
            level[i] = lvl;
            Money std = rs.standardNeed(lvl);
            standard[i] = std;
            List<Line> lines = new ArrayList<>(6);
            lines.add(new Line("STANDARD_NEED", std, para, "level " + lvl + ", age " + age));
            Money llu = std;
            if (rs.childSupplementApplies(lvl)) {
                lines.add(Line.of("CHILD_SUPPLEMENT", rs.childSupplement(), "§ 72 SGB II"));
                llu = llu.plus(rs.childSupplement());
            }
            // § 21(2)-(5), capped together at the standard need by § 21(8)
            Money capped = Money.ZERO;
            if (m.singleParent()) {
                int under7 = 0;
                int under16 = 0;
                int minors = 0;
                for (int c = 0; c < n; c++) {
                    if (isParentOf(i, c) && ages[c] < 18) {
                        minors++;
                        if (ages[c] < 7) {
                            under7++;
                        }
                        if (ages[c] < 16) {
                            under16++;
                        }
                    }
                }
                if (minors > 0) {
                    int bp = under7 >= 1 || (under16 >= 2 && under16 <= 3) ? rs.singleParentHighBasisPoints() : 0;
                    bp = Math.min(Math.max(bp, rs.singleParentPerChildBasisPoints() * minors), rs.singleParentMaxBasisPoints());
                    Money amount = std.percent(bp);
                    lines.add(new Line("ADDITIONAL_NEED_SINGLE_PARENT", amount, "§ 21(3) SGB II",
                            pct(bp) + " of the standard need; " + minors + " minor child(ren), " + under7 + " under 7, "
                                    + under16 + " under 16"));
                    capped = capped.plus(amount);
                }
            }
            if (m.pregnant() && (m.pregnantFrom() == null || !m.pregnantFrom().isAfter(to))) {
                Money amount = std.percent(rs.pregnancyBasisPoints());
                String text = pct(rs.pregnancyBasisPoints()) + " of the standard need after the 12th week";
                if (m.pregnantFrom() != null && m.pregnantFrom().isAfter(from)) {
                    // the need starts within the entitlement period of the month: its share of the period's days (the
                    // period's own share of the month, days / 30, is applied to the whole LLU below)
                    int needDays = (int) ChronoUnit.DAYS.between(m.pregnantFrom(), to) + 1;
                    int periodDays = (int) ChronoUnit.DAYS.between(from, to) + 1;
                    amount = days == 30 ? amount.days(Math.min(30, needDays)) : Money.ofCents(Cents.mulDivHalfUp(amount.cents(), needDays, periodDays));
                    text += ", from " + m.pregnantFrom() + " (" + (days == 30 ? Math.min(30, needDays) + " of 30" : needDays + " of " + periodDays)
                            + " days, § 41(1))";
                }
                lines.add(new Line("ADDITIONAL_NEED_PREGNANCY", amount, "§ 21(2) SGB II", text));
                capped = capped.plus(amount);
            }
            if (m.disabledWithIntegrationHelp() && m.employable()) {
                Money amount = std.percent(rs.disabilityIntegrationBasisPoints());
                lines.add(new Line("ADDITIONAL_NEED_DISABILITY", amount, "§ 21(4) SGB II",
                        pct(rs.disabilityIntegrationBasisPoints()) + " of the standard need, integration help received"));
                capped = capped.plus(amount);
            }
            if (m.costlyDiet() != null && m.costlyDiet().isPositive()) {
                lines.add(new Line("ADDITIONAL_NEED_DIET", m.costlyDiet(), "§ 21(5) SGB II", "medically required diet"));
                capped = capped.plus(m.costlyDiet());
            }
            if (capped.compareTo(std) > 0) {
                lines.add(new Line("ADDITIONAL_NEED_CAP", std.minus(capped), "§ 21(8) SGB II",
                        "additional needs of § 21(2)-(5) together at most the standard need " + std));
                capped = std;
            }
            llu = llu.plus(capped);
            if (m.nonEmployableMarkG() && !m.employable() && age >= 15) {
                Money amount = std.percent(rs.nonEmployableMarkGBasisPoints());
                lines.add(new Line("ADDITIONAL_NEED_MARK_G", amount, "§ 23 Nr. 4 SGB II",
                        pct(rs.nonEmployableMarkGBasisPoints()) + " of the standard need, disability card mark G"));
                llu = llu.plus(amount);
            }
            if (h.decentralHotWater()) {
                int bp = rs.hotWaterBasisPoints()[lvl];
                Money amount = std.percent(bp);
                lines.add(new Line("ADDITIONAL_NEED_HOT_WATER", amount, "§ 21(7) SGB II", pct(bp) + " of the standard need, level " + lvl));
                llu = llu.plus(amount);
            }
            lines.add(new Line("HOUSING_SHARE", housingShare, "§ 22(1) SGB II", "share per head of the recognised housing costs"));
            lluNeed[i] = llu;
            kduNeed[i] = housingShare;
            return lines;
        }

        // -------------------------------------------------- §§ 11-11b income

        List<IncomePart> incomes(int i, boolean minorChildInHousehold) {
            Member m = members.get(i);
            List<Income> list = m.incomes() == null ? List.of() : m.incomes();
            ownIncome[i] = Money.ZERO;
            childBenefitIncome[i] = Money.ZERO;
            if (list.isEmpty()) {
                return new ArrayList<>(1);
            }
            List<IncomePart> parts = new ArrayList<>(list.size());
            Money earnedGross = Money.ZERO;
            Money earnedDeductions = Money.ZERO;
            List<Line> earnedLines = null;
            IncomeKind earnedKind = null;
            for (Income in : list) {
                if (isEarned(in.kind())) {
                    if (earnedLines == null) {
                        earnedLines = new ArrayList<>(8);
                        earnedKind = in.kind();
                    }
                    earnedGross = earnedGross.plus(in.gross());
                    earnedLines.add(Line.of("GROSS_" + in.kind().name(), in.gross(), "§ 11(1) SGB II"));
                    if (in.incomeTax().isPositive()) {
                        earnedLines.add(Line.of("INCOME_TAX", Money.ZERO.minus(in.incomeTax()), "§ 11b(1) S. 1 Nr. 1 SGB II"));
                    }
                    if (in.socialContributions().isPositive()) {
                        earnedLines.add(Line.of("SOCIAL_CONTRIBUTIONS", Money.ZERO.minus(in.socialContributions()), "§ 11b(1) S. 1 Nr. 2 SGB II"));
                    }
                    earnedDeductions = earnedDeductions.plus(in.incomeTax()).plus(in.socialContributions());
                } else {
                    Money net = in.net();
                    List<Line> lines = new ArrayList<>(4);
                    lines.add(Line.of("GROSS_" + in.kind().name(), in.gross(), incomeParagraph(in.kind())));
                    if (in.incomeTax().isPositive()) {
                        lines.add(Line.of("INCOME_TAX", Money.ZERO.minus(in.incomeTax()), "§ 11b(1) S. 1 Nr. 1 SGB II"));
                    }
                    if (in.socialContributions().isPositive()) {
                        lines.add(Line.of("SOCIAL_CONTRIBUTIONS", Money.ZERO.minus(in.socialContributions()), "§ 11b(1) S. 1 Nr. 2 SGB II"));
                    }
                    Money countable = net;
                    if (in.kind() == IncomeKind.PARENTAL_ALLOWANCE && in.earnedBeforeBirth()) {
                        Money free = countable.min(rs.parentalAllowanceExemption());
                        lines.add(new Line("PARENTAL_ALLOWANCE_EXEMPTION", Money.ZERO.minus(free), "§ 10(5) S. 2 BEEG",
                                "earned income before the birth"));
                        countable = countable.minus(free);
                    }
                    if (in.kind() == IncomeKind.CHILD_BENEFIT) {
                        childBenefitIncome[i] = childBenefitIncome[i].plus(countable);
                    }
                    parts.add(new IncomePart(in.kind(), in.gross(), lines, countable));
                    ownIncome[i] = ownIncome[i].plus(countable);
                }
            }
            if (earnedLines != null) {
                boolean withChild = minorChildInHousehold || m.hasMinorChildOutsideCase();
                Money allowance = earnedAllowance(m, ages[i], earnedGross, withChild, earnedLines);
                Money countable = earnedGross.minus(earnedDeductions).minus(allowance).atLeastZero();
                parts.add(0, new IncomePart(earnedKind, earnedGross, earnedLines, countable));
                ownIncome[i] = ownIncome[i].plus(countable);
            }
            return parts;
        }

        Money earnedAllowance(Member m, int age, Money gross, boolean withChild, List<Line> lines) {
            Money threshold = rs.basicEarnedIncomeAllowance();
            String basicPara = "§ 11b(2) S. 1 SGB II";
            String basicNote = "basic allowance instead of insurance, pension provision and work costs";
            if (rs.trainingExemption() && m.inEducation() && age < 25 && rs.minijobThreshold().compareTo(threshold) > 0) {
                threshold = rs.minijobThreshold();
                basicPara = "§ 11b(2b) SGB II";
                basicNote = "under 25 in school, training or studies: earnings up to the minijob threshold " + threshold + " are free";
            }
            Money basic = gross.min(threshold);
            lines.add(new Line("ALLOWANCE_BASIC", Money.ZERO.minus(basic), basicPara, basicNote));
            Money total = basic;
            for (RuleSet.Band band : rs.earnedIncomeBands()) {
                Money lower = band.from().max(threshold);
                Money upper = band.upper(withChild);
                if (gross.compareTo(lower) <= 0 || upper.compareTo(lower) <= 0) {
                    continue;
                }
                Money part = gross.min(upper).minus(lower);
                Money amount = part.percent(band.basisPoints());
                lines.add(new Line("ALLOWANCE_" + band.basisPoints() / 100 + "_PERCENT", Money.ZERO.minus(amount), "§ 11b(3) SGB II",
                        pct(band.basisPoints()) + " of the gross part " + lower + "-" + upper
                                + (band.toWithChild() != null ? (withChild ? " (with a minor child)" : " (no minor child)") : "")));
                total = total.plus(amount);
            }
            return total;
        }

        /** § 6(1) Nr. 1 Bürgergeld-V: adults without earnings deduct 30 € for private insurance from other income. */
        void applyInsuranceFlatRates() {
            for (int i = 0; i < n; i++) {
                if (flatApplied[i] || ages[i] < 18 || !ownIncome[i].isPositive()) {
                    continue;
                }
                List<IncomePart> parts = incomeParts.get(i);
                boolean earned = false;
                for (IncomePart p : parts) {
                    if (isEarned(p.kind())) {
                        earned = true;
                        break;
                    }
                }
                if (earned) {
                    continue;
                }
                for (int k = 0; k < parts.size(); k++) {
                    IncomePart p = parts.get(k);
                    if (p.countable().isPositive()) {
                        Money flat = p.countable().min(rs.insuranceFlatRate());
                        List<Line> lines = new ArrayList<>(p.lines());
                        lines.add(new Line("INSURANCE_FLAT_RATE", Money.ZERO.minus(flat), "§ 11b(1) S. 1 Nr. 3 SGB II, § 6(1) Nr. 1 Bürgergeld-V",
                                "adult without earned income"));
                        parts.set(k, new IncomePart(p.kind(), p.gross(), lines, p.countable().minus(flat)));
                        flatApplied[i] = true;
                        ownIncome[i] = ownIncome[i].minus(flat);
                        if (p.kind() == IncomeKind.CHILD_BENEFIT) {
                            childBenefitIncome[i] = childBenefitIncome[i].minus(flat).atLeastZero();
                        }
                        break;
                    }
                }
            }
        }

        int childBenefitReceiver(int child) {
            for (Income in : members.get(child).incomes()) {
                if (in.kind() == IncomeKind.CHILD_BENEFIT && in.paidTo() != null) {
                    for (int j = 0; j < n; j++) {
                        if (members.get(j).id().equals(in.paidTo())) {
                            return j;
                        }
                    }
                }
            }
            int[] ps = parents[child];
            return ps.length > 0 ? ps[0] : head;
        }

        void addChildBenefitSurplus(int receiver, int child, Money surplus) {
            List<Line> lines = new ArrayList<>(2);
            lines.add(new Line("CHILD_BENEFIT_SURPLUS", surplus, "§ 11(1) S. 5 SGB II",
                    "child benefit of " + members.get(child).id() + " not needed by the child"));
            incomeParts.get(receiver).add(new IncomePart(IncomeKind.CHILD_BENEFIT, surplus, lines, surplus));
            ownIncome[receiver] = ownIncome[receiver].plus(surplus);
        }

        // -------------------------------------------------- § 12 assets

        AssetPart assets() {
            List<Asset> list = h.assets() == null ? List.of() : h.assets();
            int inCaseCount = 0;
            int employable = 0;
            for (int i = 0; i < n; i++) {
                if (inCase[i]) {
                    inCaseCount++;
                    if (members.get(i).employable()) {
                        employable++;
                    }
                }
            }
            boolean waiting = h.monthsOfReceipt() < rs.assetsWaitingPeriodMonths();
            boolean byAge = !waiting && !rs.law().assetAllowanceByAge().isEmpty();
            Money allowance;
            StringBuilder perMember = new StringBuilder();
            if (waiting) {
                allowance = rs.considerableAssetsFirstMember().plus(Money.ofCents(rs.considerableAssetsFurtherMember().cents() * (inCaseCount - 1)));
            } else if (byAge) {
                // § 12(2) as amended 2026: an allowance per member by age, pooled over the case
                allowance = Money.ZERO;
                for (int i = 0; i < n; i++) {
                    if (inCase[i]) {
                        Money a = rs.law().allowanceAt(ages[i]);
                        allowance = allowance.plus(a);
                        perMember.append(perMember.length() == 0 ? "" : ", ").append(a).append(" (age ").append(ages[i]).append(')');
                    }
                }
            } else {
                allowance = Money.ofCents(rs.assetsPerMember().cents() * inCaseCount);
            }
            List<Line> lines = new ArrayList<>(list.size() + 1);
            Money countable = Money.ZERO;
            int vehiclesExempt = 0;
            for (Asset a : list) {
                if (a.ownerId() != null && !inCase[indexOf(a.ownerId())]) {
                    lines.add(new Line("ASSET_" + a.kind().name(), Money.ZERO, "§ 12(1) SGB II",
                            "belongs to " + a.ownerId() + ", who is not part of the case"));
                    continue;
                }
                if (a.kind() == AssetKind.VEHICLE && vehiclesExempt < employable) {
                    vehiclesExempt++;
                    Money counted = a.value().minus(rs.vehiclePresumedAdequate()).atLeastZero();
                    lines.add(new Line("ASSET_VEHICLE", counted, "§ 12(1) S. 2 Nr. 2 SGB II",
                            "one adequate vehicle per employable member; value " + a.value() + ", adequate up to " + rs.vehiclePresumedAdequate()));
                    countable = countable.plus(counted);
                } else if (a.kind() == AssetKind.REAL_ESTATE && a.ownerOccupied() && a.livingSpace() != null
                        && a.livingSpace() <= (a.house() ? rs.ownHomeHouseSquareMetres() : rs.ownHomeFlatSquareMetres())) {
                    lines.add(new Line("ASSET_REAL_ESTATE", Money.ZERO, "§ 12(1) S. 2 Nr. 5 SGB II",
                            "owner-occupied " + (a.house() ? "house" : "flat") + " of " + a.livingSpace() + " m² is exempt"));
                } else if (a.kind() == AssetKind.LIFE_INSURANCE && a.recognisedPensionProvision()) {
                    lines.add(new Line("ASSET_LIFE_INSURANCE", Money.ZERO, "§ 12(1) S. 2 Nr. 3 SGB II", "recognised pension provision is exempt"));
                } else {
                    lines.add(Line.of("ASSET_" + a.kind().name(), a.value(), "§ 12(1) S. 1 SGB II"));
                    countable = countable.plus(a.value());
                }
            }
            lines.add(new Line("ASSET_ALLOWANCE", allowance, waiting ? "§ 12(3), (4) SGB II" : "§ 12(2) SGB II", waiting
                    ? "waiting period: only considerable assets count, " + rs.considerableAssetsFirstMember() + " for the first and "
                            + rs.considerableAssetsFurtherMember() + " for each further of " + inCaseCount + " members"
                    : byAge ? "by age, " + perMember + "; pooled over the case (" + rs.law().benefitName() + ")"
                    : rs.assetsPerMember() + " for each of " + inCaseCount + " members"));
            boolean exceeds = countable.compareTo(allowance) > 0;
            if (exceeds) {
                notes.add(new Line("ASSETS_EXCEED_ALLOWANCE", countable.minus(allowance), "§ 12 SGB II",
                        "countable assets exceed the allowance: no entitlement while they do"));
            }
            return new AssetPart(countable, allowance, waiting, lines, exceeds);
        }

        int indexOf(String id) {
            for (int i = 0; i < n; i++) {
                if (members.get(i).id().equals(id)) {
                    return i;
                }
            }
            return -1;
        }

        // -------------------------------------------------- § 9(2), § 19(3), § 41, §§ 31a-32

        List<MemberPart> distribute(AssetPart assets) {
            long[] remaining = new long[n];
            long remainingTotal = 0;
            long pooled = 0;
            for (int i = 0; i < n; i++) {
                if (!inCase[i]) {
                    continue;
                }
                long need = lluNeed[i].cents() + kduNeed[i].cents();
                if (members.get(i).role() == PersonRole.CHILD) {
                    remaining[i] = need - ownIncome[i].cents();
                } else {
                    remaining[i] = need;
                    pooled += ownIncome[i].cents();
                }
                remainingTotal += remaining[i];
            }
            long[] share = new long[n];
            if (pooled >= remainingTotal) {
                System.arraycopy(remaining, 0, share, 0, n);
            } else if (pooled > 0) {
                // largest-remainder apportionment: shares add up to the pooled income to the cent
                long[] rest = new long[n];
                long given = 0;
                for (int i = 0; i < n; i++) {
                    if (remaining[i] > 0) {
                        long p = pooled * remaining[i];
                        share[i] = p / remainingTotal;
                        rest[i] = p % remainingTotal;
                        given += share[i];
                    }
                }
                for (long left = pooled - given; left > 0; left--) {
                    int best = -1;
                    for (int i = 0; i < n; i++) {
                        if (remaining[i] > 0 && (best < 0 || rest[i] > rest[best])) {
                            best = i;
                        }
                    }
                    share[best]++;
                    rest[best] = -1;
                }
            }
            List<MemberPart> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Member m = members.get(i);
                List<IncomePart> incomes = incomeParts.get(i);
                if (!inCase[i]) {
                    parts.add(new MemberPart(m.id(), m.role(), ages[i], false, caseNote[i], candidate[i] ? level[i] : null,
                            needLines.get(i), candidate[i] ? lluNeed[i] : Money.ZERO, candidate[i] ? kduNeed[i] : Money.ZERO,
                            incomes, ownIncome[i], List.of(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO));
                    continue;
                }
                List<Line> allocation = new ArrayList<>(4);
                Money applied;
                if (m.role() == PersonRole.CHILD) {
                    applied = ownIncome[i].plus(Money.ofCents(share[i]));
                    if (ownIncome[i].isPositive()) {
                        allocation.add(new Line("OWN_INCOME", ownIncome[i], "§ 9(2) S. 2 SGB II, § 11(1) S. 4",
                                "a child's income covers only its own need"));
                    }
                } else {
                    applied = Money.ofCents(share[i]);
                }
                if (share[i] > 0) {
                    allocation.add(new Line("SHARE_OF_PARTNERS_INCOME", Money.ofCents(share[i]), "§ 9(2) S. 3 SGB II",
                            "pooled income " + Money.ofCents(pooled) + " × need share " + Money.ofCents(remaining[i]) + " / "
                                    + Money.ofCents(remainingTotal)));
                }
                // § 19(3) S. 2: income covers standard and additional needs first, then housing
                Money lluCovered = applied.min(lluNeed[i]);
                Money kduCovered = applied.minus(lluCovered).min(kduNeed[i]);
                Money llu = lluNeed[i].minus(lluCovered);
                Money kdu = kduNeed[i].minus(kduCovered);
                if (applied.isPositive()) {
                    allocation.add(new Line("INCOME_AGAINST_LLU", Money.ZERO.minus(lluCovered), "§ 19(3) S. 2 SGB II",
                            "income covers standard and additional needs first"));
                    if (kduCovered.isPositive()) {
                        allocation.add(new Line("INCOME_AGAINST_KDU", Money.ZERO.minus(kduCovered), "§ 19(3) S. 2 SGB II",
                                "then housing costs"));
                    }
                }
                if (assets.exceeds()) {
                    llu = Money.ZERO;
                    kdu = Money.ZERO;
                }
                llu = llu.days(days);
                kdu = kdu.days(days);
                Money entitlement = llu.plus(kdu);
                Money reduction = Money.ZERO;
                int percent = Math.min(m.reductionPercent(), rs.reductions().capPercent());
                if (percent > 0 && entitlement.isPositive()) {
                    // §§ 31a, 32: percent of the standard need, at most 30 % together, never on housing costs
                    reduction = standard[i].percent(percent * 100).days(days).min(llu);
                    allocation.add(new Line("REDUCTION", Money.ZERO.minus(reduction), "§§ 31a, 32 SGB II",
                            percent + " % of the standard need" + (m.reductionPercent() > percent ? ", capped at " + percent + " %" : "")
                                    + "; housing costs are not reduced"));
                }
                parts.add(new MemberPart(m.id(), m.role(), ages[i], true, caseNote[i], level[i], needLines.get(i), lluNeed[i],
                        kduNeed[i], incomes, ownIncome[i], allocation, applied, llu, kdu, entitlement, reduction,
                        entitlement.minus(reduction)));
            }
            return parts;
        }
    }

    static boolean isEarned(IncomeKind kind) {
        return kind == IncomeKind.EMPLOYMENT || kind == IncomeKind.SELF_EMPLOYMENT || kind == IncomeKind.TRAINING_ALLOWANCE;
    }

    static String incomeParagraph(IncomeKind kind) {
        return switch (kind) {
            case CHILD_BENEFIT -> "§ 11(1) S. 5 SGB II";
            case UVG -> "§ 11(1) SGB II, UVG";
            case PARENTAL_ALLOWANCE -> "§ 11(1) SGB II, § 10(5) BEEG";
            default -> "§ 11(1) SGB II";
        };
    }

    static String pct(int basisPoints) {
        return basisPoints % 100 == 0 ? basisPoints / 100 + " %" : basisPoints / 100 + "." + (basisPoints % 100 < 10 ? "0" : "")
                + (basisPoints % 100 % 10 == 0 ? String.valueOf(basisPoints % 100 / 10) : String.valueOf(basisPoints % 100)) + " %";
    }
}
