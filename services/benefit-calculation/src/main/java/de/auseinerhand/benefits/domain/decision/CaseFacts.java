package de.auseinerhand.benefits.domain.decision;

import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.WorkingAge;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What benefit-calculation knows about one case from the registry's events, with business dates,
 * and the household it gives for a month. Facts recorded later for the same person, kind and date
 * replace earlier ones (corrections are new events).
 */
public record CaseFacts(
        String caseId,
        LocalDate openedOn,
        LocalDate closedOn,
        List<MunicipalityFrom> municipalities,
        List<PersonFact> persons,
        List<IncomeFact> incomes,
        List<HousingFact> housing,
        List<AssetFact> assets,
        List<CircumstanceFact> circumstances) {

    public CaseFacts(String caseId, LocalDate openedOn, LocalDate closedOn, List<MunicipalityFrom> municipalities, List<PersonFact> persons,
                     List<IncomeFact> incomes, List<HousingFact> housing, List<AssetFact> assets) {
        this(caseId, openedOn, closedOn, municipalities, persons, incomes, housing, assets, List.of());
    }

    public record MunicipalityFrom(LocalDate effectiveFrom, String municipality, Instant recordedAt) {
    }

    /**
     * @param employability the registration ({@code registration} true) and every recorded change of the
     *                      person's ability to work (§ 8, § 44a), with business date and recording time
     */
    public record PersonFact(UUID personId, PersonRole role, YearMonth birthYearMonth, boolean employable, boolean singleParent,
                             LocalDate joinedOn, LocalDate leftOn, List<EmployabilityFact> employability) {
        public PersonFact(UUID personId, PersonRole role, YearMonth birthYearMonth, boolean employable, boolean singleParent,
                          LocalDate joinedOn, LocalDate leftOn) {
            this(personId, role, birthYearMonth, employable, singleParent, joinedOn, leftOn, List.of());
        }

        boolean memberIn(YearMonth month) {
            return !joinedOn.isAfter(month.atEndOfMonth()) && (leftOn == null || leftOn.isAfter(month.atDay(1)));
        }

        /**
         * Employable in {@code month} (§ 7(1) Nr. 1, § 7a, § 8): of working age in the month (from the month of the
         * 15th birthday to the month the § 7a limit is reached) and able to work on the month's last day: the latest
         * recorded change effective by then; without one, a person registered under 15 is able to work from the 15th
         * birthday (the registration could not say otherwise), anyone else as registered.
         */
        public boolean employableIn(YearMonth month) {
            if (!WorkingAge.in(birthYearMonth, month)) {
                return false;
            }
            EmployabilityFact latest = null;
            EmployabilityFact registration = null;
            for (EmployabilityFact f : employability) {
                if (f.registration()) {
                    registration = f;
                } else if (!f.effectiveFrom().isAfter(month.atEndOfMonth()) && (latest == null || f.effectiveFrom().isAfter(latest.effectiveFrom())
                        || (f.effectiveFrom().equals(latest.effectiveFrom()) && !f.recordedAt().isBefore(latest.recordedAt())))) {
                    latest = f;
                }
            }
            if (latest != null) {
                return latest.employable();
            }
            LocalDate registered = registration != null ? registration.effectiveFrom() : joinedOn;
            if (YearMonth.from(registered).isBefore(WorkingAge.firstMonth(birthYearMonth))) {
                return true;
            }
            return employable;
        }
    }

    public record EmployabilityFact(boolean registration, boolean employable, LocalDate effectiveFrom, Instant recordedAt) {
    }

    public record IncomeFact(UUID personId, IncomeKind kind, YearMonth fromMonth, YearMonth toMonth, BigDecimal gross, BigDecimal net,
                             BigDecimal socialContributions, Instant recordedAt, boolean earnedBeforeBirth) {
        public IncomeFact(UUID personId, IncomeKind kind, YearMonth fromMonth, YearMonth toMonth, BigDecimal gross, BigDecimal net,
                          BigDecimal socialContributions, Instant recordedAt) {
            this(personId, kind, fromMonth, toMonth, gross, net, socialContributions, recordedAt, false);
        }

        boolean covers(YearMonth month) {
            return !fromMonth.isAfter(month) && (toMonth == null || !toMonth.isBefore(month));
        }
    }

    public record HousingFact(LocalDate effectiveFrom, BigDecimal rent, BigDecimal heating, BigDecimal utilities, int householdSize,
                              Instant recordedAt, boolean decentralHotWater) {
        public HousingFact(LocalDate effectiveFrom, BigDecimal rent, BigDecimal heating, BigDecimal utilities, int householdSize,
                           Instant recordedAt) {
            this(effectiveFrom, rent, heating, utilities, householdSize, recordedAt, false);
        }
    }

    /**
     * A recording of a person's circumstances (registry.circumstances-recorded), in force from {@code effectiveFrom} until the
     * next recording for the person. {@code health} is decrypted for this calculation only; null when there is none or the
     * person's key was erased.
     */
    public record CircumstanceFact(UUID personId, LocalDate effectiveFrom, List<UUID> parentIds, Boolean singleParent, boolean inEducation,
                                   boolean movedOutWithoutConsent, boolean minorChildOutsideCase, HealthFacts health, Instant recordedAt) {
    }

    /** The person's recordings that count, one per effective date (the latest recorded), by date. */
    private List<CircumstanceFact> circumstancesOf(UUID personId) {
        Map<LocalDate, CircumstanceFact> byDate = new java.util.TreeMap<>();
        for (CircumstanceFact c : circumstances) {
            if (c.personId().equals(personId)) {
                CircumstanceFact prev = byDate.get(c.effectiveFrom());
                if (prev == null || !c.recordedAt().isBefore(prev.recordedAt())) {
                    byDate.put(c.effectiveFrom(), c);
                }
            }
        }
        return new ArrayList<>(byDate.values());
    }

    /** What a month's calculation takes from the recordings of one person. */
    private record MonthCircumstances(CircumstanceFact atEnd, boolean pregnant, LocalDate pregnantFrom) {
    }

    /**
     * The recording in force on the month's last day gives the month's circumstances (as housing costs do); the § 21(2)
     * pregnancy need is counted by day: from the 13th week (or the recording that first states it, if later) to the end of
     * the month of delivery, over every recording in force on some day of the month.
     */
    private MonthCircumstances circumstancesIn(UUID personId, YearMonth month) {
        List<CircumstanceFact> list = circumstancesOf(personId);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        CircumstanceFact atEnd = null;
        LocalDate pregnantFrom = null;
        for (int i = 0; i < list.size(); i++) {
            CircumstanceFact c = list.get(i);
            LocalDate until = i + 1 < list.size() ? list.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
            if (!c.effectiveFrom().isAfter(last)) {
                atEnd = c;
            }
            HealthFacts h = c.health();
            if (h == null || h.expectedDelivery() == null) {
                continue;
            }
            LocalDate start = max(max(h.pregnancyNeedFrom(), c.effectiveFrom()), first);
            LocalDate end = min(min(h.pregnancyNeedTo(), until), last);
            if (!start.isAfter(end) && (pregnantFrom == null || start.isBefore(pregnantFrom))) {
                pregnantFrom = start;
            }
        }
        return new MonthCircumstances(atEnd, pregnantFrom != null, pregnantFrom != null && pregnantFrom.isAfter(first) ? pregnantFrom : null);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Single parent in {@code month} (§ 21(3)): as recorded in the month's circumstances, else derived from the members: a head
     * or partner without a partner in the case, living with a minor child of theirs (the child's recorded parents, or the
     * head without links); the registration's flag counts while no partner is in the case.
     */
    private boolean singleParentIn(PersonFact p, YearMonth month, List<PersonFact> present, Map<UUID, MonthCircumstances> circ) {
        CircumstanceFact own = circ.get(p.personId()).atEnd();
        if (own != null && own.singleParent() != null) {
            return own.singleParent();
        }
        if (p.role() != PersonRole.HEAD && p.role() != PersonRole.PARTNER) {
            return false;
        }
        boolean partnered = present.stream().anyMatch(o -> o != p && (o.role() == PersonRole.HEAD || o.role() == PersonRole.PARTNER));
        if (partnered) {
            return false;
        }
        for (PersonFact child : present) {
            if (child == p || child.role() != PersonRole.CHILD || !child.birthYearMonth().plusYears(18).isAfter(month)) {
                continue;
            }
            CircumstanceFact links = circ.get(child.personId()).atEnd();
            boolean linked = links == null || links.parentIds().isEmpty() ? p.role() == PersonRole.HEAD : links.parentIds().contains(p.personId());
            if (linked) {
                return true;
            }
        }
        return p.singleParent();
    }

    /** An asset with the facts of its exemptions (§ 12(1) S. 2 Nr. 3, 5). */
    /**
     * Who receives a child's child benefit (§ 11(1) S. 5: the part the child does not need counts for that parent): the
     * child's first recorded parent in the case, else the head.
     */
    private static String childBenefitPaidTo(PersonFact child, PersonFact head, Map<UUID, MonthCircumstances> circ) {
        CircumstanceFact links = circ.get(child.personId()).atEnd();
        if (links != null) {
            for (UUID parent : links.parentIds()) {
                if (circ.containsKey(parent)) {
                    return parent.toString();
                }
            }
        }
        return head == null ? null : head.personId().toString();
    }

    public record AssetFact(UUID personId, AssetKind kind, BigDecimal value, LocalDate effectiveFrom, Instant recordedAt,
                            boolean ownerOccupied, Integer livingSpace, boolean house, boolean recognisedPensionProvision) {
        public AssetFact(UUID personId, AssetKind kind, BigDecimal value, LocalDate effectiveFrom, Instant recordedAt) {
            this(personId, kind, value, effectiveFrom, recordedAt, false, null, false, false);
        }
    }

    /** The municipality responsible on the first day of {@code month} (§ 36 SGB II: where the person lives). */
    public String municipalityIn(YearMonth month) {
        return municipalities.stream().filter(m -> !m.effectiveFrom().isAfter(month.atDay(1)))
                .max(Comparator.comparing(MunicipalityFrom::effectiveFrom).thenComparing(MunicipalityFrom::recordedAt))
                .or(() -> municipalities.stream().min(Comparator.comparing(MunicipalityFrom::effectiveFrom)))
                .map(MunicipalityFrom::municipality).orElse(null);
    }

    /**
     * The household of {@code month} for the calculator. Members are those in the case on any day of
     * the month; housing costs and assets in force by the month's end; incomes declared for the month
     * (the latest declaration per person and kind).
     *
     * @throws InvalidHouseholdException when a needed fact is missing (no housing costs declared)
     */
    public Household householdIn(YearMonth month, int monthsOfReceipt) {
        return householdIn(month, monthsOfReceipt, 0);
    }

    /**
     * As {@link #householdIn(YearMonth, int)}, with the months the cost-reduction procedure has run (§ 22(1) S. 7, from the
     * benefit stream's notices: {@link BenefitState#costReductionMonthsBefore}).
     */
    public Household householdIn(YearMonth month, int monthsOfReceipt, int costReductionMonths) {
        List<Household.Member> members = new ArrayList<>();
        PersonFact head = null;
        for (PersonFact p : persons) {
            if (p.memberIn(month) && p.role() == PersonRole.HEAD) {
                head = p;
            }
        }
        List<PersonFact> present = persons.stream().filter(p -> p.memberIn(month)).toList();
        Map<UUID, MonthCircumstances> circ = new java.util.HashMap<>();
        for (PersonFact p : present) {
            circ.put(p.personId(), circumstancesIn(p.personId(), month));
        }
        for (PersonFact p : present) {
            List<Household.Income> inc = new ArrayList<>();
            Map<IncomeKind, IncomeFact> latest = new LinkedHashMap<>();
            for (IncomeFact i : incomes) {
                if (i.personId().equals(p.personId()) && i.covers(month)) {
                    IncomeFact prev = latest.get(i.kind());
                    if (prev == null || !i.recordedAt().isBefore(prev.recordedAt())) {
                        latest.put(i.kind(), i);
                    }
                }
            }
            for (IncomeFact i : latest.values()) {
                Money gross = Money.of(i.gross());
                Money contributions = Money.of(i.socialContributions()).min(gross);
                Money tax = gross.minus(Money.of(i.net())).minus(contributions).atLeastZero();
                inc.add(new Household.Income(i.kind(), gross, tax, contributions, i.kind() == IncomeKind.CHILD_BENEFIT
                        ? childBenefitPaidTo(p, head, circ) : null, i.earnedBeforeBirth()));
            }
            LocalDate born = p.birthYearMonth().atDay(1);
            MonthCircumstances mc = circ.get(p.personId());
            CircumstanceFact c = mc.atEnd();
            HealthFacts health = c == null || c.health() == null ? HealthFacts.NONE : c.health();
            List<String> parents = c == null ? List.of() : c.parentIds().stream().filter(id -> circ.containsKey(id)).map(UUID::toString).toList();
            members.add(new Household.Member(p.personId().toString(), p.role(), born, null, parents, p.employableIn(month),
                    singleParentIn(p, month, present, circ), mc.pregnant(), health.disabledWithIntegrationHelp(), health.disabilityMarkG(),
                    health.costlyDiet() == null ? null : Money.of(health.costlyDiet()), c != null && c.inEducation(),
                    c != null && c.movedOutWithoutConsent(), c != null && c.minorChildOutsideCase(), 0, inc, mc.pregnantFrom()));
        }
        HousingFact h = housing.stream().filter(x -> !x.effectiveFrom().isAfter(month.atEndOfMonth()))
                .max(Comparator.comparing(HousingFact::effectiveFrom).thenComparing(HousingFact::recordedAt)).orElse(null);
        if (h == null) {
            throw new InvalidHouseholdException(List.of(new InvalidHouseholdException.Problem("housing",
                    "no housing costs are declared for " + month + " (declare them in the registry, zeros when there are none)")));
        }
        Map<String, AssetFact> latestAssets = new LinkedHashMap<>();
        for (AssetFact a : assets) {
            if (a.effectiveFrom().isAfter(month.atEndOfMonth())) {
                continue;
            }
            String key = a.personId() + "/" + a.kind();
            AssetFact prev = latestAssets.get(key);
            if (prev == null || a.effectiveFrom().isAfter(prev.effectiveFrom())
                    || (a.effectiveFrom().equals(prev.effectiveFrom()) && !a.recordedAt().isBefore(prev.recordedAt()))) {
                latestAssets.put(key, a);
            }
        }
        List<Household.Asset> assetList = new ArrayList<>();
        for (AssetFact a : latestAssets.values()) {
            assetList.add(new Household.Asset(a.personId().toString(), a.kind(), Money.of(a.value()), a.ownerOccupied(), a.livingSpace(),
                    a.house(), a.recognisedPensionProvision()));
        }
        int persons = Math.max(h.householdSize(), members.size());
        return new Household(month, null, null, municipalityIn(month), null, members,
                new Household.Housing(Money.of(h.rent()), Money.of(h.utilities()), Money.of(h.heating()), persons, costReductionMonths),
                assetList, monthsOfReceipt, h.decentralHotWater());
    }
}
