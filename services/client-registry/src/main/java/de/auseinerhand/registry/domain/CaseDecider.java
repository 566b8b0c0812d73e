package de.auseinerhand.registry.domain;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CitizenLinkKind;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.UnemploymentStarted;
import de.auseinerhand.events.registry.WorkingAge;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.registry.domain.CaseCommand.AssignCaseworker;
import de.auseinerhand.registry.domain.CaseCommand.CloseCase;
import de.auseinerhand.registry.domain.CaseCommand.DeclareAssets;
import de.auseinerhand.registry.domain.CaseCommand.DeclareHousingCosts;
import de.auseinerhand.registry.domain.CaseCommand.DeclareIncome;
import de.auseinerhand.registry.domain.CaseCommand.EndUnemployment;
import de.auseinerhand.registry.domain.CaseCommand.EraseCaseMemberData;
import de.auseinerhand.registry.domain.CaseCommand.LeaveCase;
import de.auseinerhand.registry.domain.CaseCommand.MoveCase;
import de.auseinerhand.registry.domain.CaseCommand.OpenCase;
import de.auseinerhand.registry.domain.CaseCommand.RegisterPerson;
import de.auseinerhand.registry.domain.CaseCommand.RejoinCase;
import de.auseinerhand.registry.domain.CaseCommand.StartUnemployment;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The rules of a case (Bedarfsgemeinschaft, § 7(3) SGB II). Pure: no framework, no clock. Past
 * business dates are allowed (retroactive facts); a correction is a new event, never an edit.
 */
public final class CaseDecider implements Decider<CaseCommand, CaseState> {

    /** SGB II benefits exist since 2005-01-01; earlier business dates are implausible. */
    static final LocalDate SGB_II_START = LocalDate.of(2005, 1, 1);
    static final int MAX_AGE_YEARS = 120;
    /** Minimum age for employability (§ 7(1) Nr. 1 SGB II: 15 years). */
    static final int EMPLOYABLE_FROM_AGE = 15;

    @Override
    public CaseState initialState() {
        return CaseState.NONE;
    }

    @Override
    public List<EventData> decide(CaseCommand command, CaseState s) {
        if (command instanceof OpenCase c) {
            if (s.exists()) {
                throw reject("case-exists", "caseId", "case " + c.caseId() + " exists already");
            }
            plausible(c.openedOn(), "openedOn");
            CaseOpened opened = new CaseOpened(c.caseId(), c.municipality(), c.openedOn());
            return c.citizenId() == null ? List.of(opened)
                    : List.of(opened, new CitizenLinked(c.citizenId(), CitizenLinkKind.APPLICATION, c.openedOn()));
        }
        if (command instanceof CaseCommand.LinkCitizen c) {
            if (!s.exists()) {
                throw reject("no-case", null, "no such case");
            }
            if (s.linkedTo(c.citizenId())) {
                return List.of();
            }
            if (!s.isOpen()) {
                throw reject("case-not-open", null, "the case is closed");
            }
            return List.of(new CitizenLinked(c.citizenId(), c.link(), c.linkedOn()));
        }
        if (command instanceof CaseCommand.UnlinkCitizen c) {
            if (!s.linkedTo(c.citizenId())) {
                throw reject("not-linked", "citizenId", "no such citizen account is linked to the case");
            }
            return List.of(new CitizenUnlinked(c.citizenId(), c.unlinkedOn(), c.reason()));
        }
        if (!s.isOpen()) {
            throw reject("case-not-open", null, "the case is closed; open a new case instead");
        }
        if (command instanceof RegisterPerson c) {
            return register(c, s);
        }
        if (command instanceof LeaveCase c) {
            CaseState.Member m = currentMember(s, c.personId());
            notBefore(c.effectiveFrom(), m.joinedOn(), "effectiveFrom", "a person cannot leave before joining");
            return List.of(new PersonLeftCase(c.personId(), c.effectiveFrom(), c.reason()));
        }
        if (command instanceof RejoinCase c) {
            CaseState.Member m = member(s, c.personId());
            if (m.isCurrent()) {
                throw reject("already-member", "personId", "the person is a current member");
            }
            notBefore(c.effectiveFrom(), m.leftOn(), "effectiveFrom", "rejoining must be after leaving");
            checkRole(s, c.role(), m.birthYearMonth().atDay(1), c.effectiveFrom(), c.personId());
            return List.of(new PersonJoinedCase(c.personId(), c.role(), c.effectiveFrom(), c.reason()));
        }
        if (command instanceof CloseCase c) {
            notBefore(c.effectiveFrom(), s.openedOn(), "effectiveFrom", "a case cannot close before it opened");
            return List.of(new CaseClosed(c.effectiveFrom(), c.reason()));
        }
        if (command instanceof MoveCase c) {
            if (c.toMunicipality().equals(s.municipality())) {
                throw reject("same-municipality", "toMunicipality", "the case is in " + s.municipality() + " already");
            }
            notBefore(c.effectiveFrom(), s.openedOn(), "effectiveFrom", "a case cannot move before it opened");
            return List.of(new CaseMoved(s.municipality(), c.toMunicipality(), c.effectiveFrom()));
        }
        if (command instanceof AssignCaseworker c) {
            plausible(c.effectiveFrom(), "effectiveFrom");
            if (c.caseworkerId().equals(s.caseworkers().get(c.function()))) {
                return List.of();
            }
            return List.of(new CaseworkerAssigned(c.caseworkerId(), c.function(), c.effectiveFrom()));
        }
        if (command instanceof StartUnemployment c) {
            CaseState.Member m = currentMember(s, c.personId());
            plausible(c.date(), "date");
            if (m.unemployedSince() != null) {
                throw reject("already-unemployed", "date", "unemployed since " + m.unemployedSince() + " already");
            }
            if (Period.between(m.birthYearMonth().atEndOfMonth(), c.date()).getYears() < EMPLOYABLE_FROM_AGE) {
                throw reject("too-young", "date", "a person under 15 cannot be registered unemployed");
            }
            return List.of(new UnemploymentStarted(c.personId(), c.date(), c.reason()));
        }
        if (command instanceof CaseCommand.ChangeEmployability c) {
            CaseState.Member m = currentMember(s, c.personId());
            plausible(c.effectiveFrom(), "effectiveFrom");
            if (c.employable() && YearMonth.from(c.effectiveFrom()).isBefore(WorkingAge.firstMonth(m.birthYearMonth()))) {
                throw reject("employable-too-young", "effectiveFrom",
                        "a person is employable from the 15th birthday (§ 7(1) Nr. 1 SGB II), not before " + WorkingAge.firstMonth(m.birthYearMonth()));
            }
            if (c.effectiveFrom().isBefore(m.joinedOn())) {
                throw reject("before-joining", "effectiveFrom", "the person joined the case on " + m.joinedOn());
            }
            return List.of(new EmployabilityChanged(c.personId(), c.employable(), c.effectiveFrom(), c.basis()));
        }
        if (command instanceof EndUnemployment c) {
            CaseState.Member m = member(s, c.personId());
            if (m.unemployedSince() == null) {
                throw reject("not-unemployed", "personId", "the person is not registered unemployed");
            }
            notBefore(c.date(), m.unemployedSince(), "date", "unemployment cannot end before it started");
            return List.of(new UnemploymentEnded(c.personId(), c.date(), c.reason()));
        }
        if (command instanceof DeclareIncome c) {
            member(s, c.personId());
            plausible(c.fromMonth().atDay(1), "fromMonth");
            if (c.toMonth() != null && c.toMonth().isBefore(c.fromMonth())) {
                throw reject("period-reversed", "toMonth", "toMonth is before fromMonth");
            }
            if (c.net().compareTo(c.gross()) > 0) {
                throw reject("net-above-gross", "net", "net income cannot exceed gross income");
            }
            if (c.net().add(c.socialContributions()).compareTo(c.gross()) > 0) {
                throw reject("deductions-inconsistent", "socialContributions",
                        "net plus social contributions cannot exceed gross");
            }
            if (c.earnedBeforeBirth() && c.kind() != IncomeKind.PARENTAL_ALLOWANCE) {
                throw reject("parental-allowance-only", "earnedBeforeBirth", "only for kind PARENTAL_ALLOWANCE");
            }
            return List.of(new IncomeDeclared(c.personId(), c.kind(), c.fromMonth(), c.toMonth(), c.gross(), c.net(),
                    c.socialContributions(), c.kind() == IncomeKind.PARENTAL_ALLOWANCE ? c.earnedBeforeBirth() : null));
        }
        if (command instanceof DeclareHousingCosts c) {
            plausible(c.effectiveFrom(), "effectiveFrom");
            long current = s.members().values().stream().filter(CaseState.Member::isCurrent).count();
            if (c.householdSize() < Math.max(1, current)) {
                throw reject("household-smaller-than-case", "householdSize",
                        "the household has at least the case's " + current + " current members");
            }
            return List.of(new HousingCostsDeclared(c.effectiveFrom(), c.rent(), c.heating(), c.utilities(),
                    c.householdSize(), c.livingSpace(), c.decentralHotWater() ? Boolean.TRUE : null));
        }
        if (command instanceof CaseCommand.RecordCircumstances c) {
            return circumstances(c, s);
        }
        if (command instanceof DeclareAssets c) {
            member(s, c.personId());
            plausible(c.effectiveFrom(), "effectiveFrom");
            boolean realEstate = c.kind() == AssetKind.REAL_ESTATE;
            if (!realEstate && (c.ownerOccupied() || c.house() || c.livingSpace() != null)) {
                throw reject("real-estate-only", c.ownerOccupied() ? "ownerOccupied" : c.house() ? "house" : "livingSpace",
                        "only for kind REAL_ESTATE");
            }
            if (c.ownerOccupied() && c.livingSpace() == null) {
                throw reject("living-space-missing", "livingSpace", "an owner-occupied home needs its living space (§ 12(1) S. 2 Nr. 5)");
            }
            if (c.recognisedPensionProvision() && c.kind() != AssetKind.LIFE_INSURANCE) {
                throw reject("life-insurance-only", "recognisedPensionProvision", "only for kind LIFE_INSURANCE");
            }
            return List.of(new AssetsDeclared(c.personId(), c.kind(), c.value(), c.effectiveFrom(), realEstate ? c.ownerOccupied() : null,
                    c.livingSpace(), realEstate ? c.house() : null, c.kind() == AssetKind.LIFE_INSURANCE ? c.recognisedPensionProvision() : null));
        }
        if (command instanceof EraseCaseMemberData c) {
            CaseState.Member m = member(s, c.personId());
            if (m.erased()) {
                return List.of();
            }
            return List.of(new PersonDataErased(c.personId()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static List<EventData> register(RegisterPerson c, CaseState s) {
        notBefore(c.effectiveFrom(), s.openedOn(), "effectiveFrom",
                "a person cannot join before the case was opened (" + s.openedOn() + ")");
        if (c.birthDate().isAfter(c.effectiveFrom())) {
            throw reject("born-after-joining", "birthDate", "the person is not born yet on effectiveFrom");
        }
        if (c.birthDate().isBefore(c.effectiveFrom().minusYears(MAX_AGE_YEARS))) {
            throw reject("implausible-birth-date", "birthDate", "birth date is implausibly early");
        }
        if (s.members().containsKey(c.personId())) {
            throw reject("person-already-member", "personId", "the person is a member already");
        }
        checkRole(s, c.role(), c.birthDate(), c.effectiveFrom(), c.personId());
        if (c.employable() && Period.between(c.birthDate(), c.effectiveFrom()).getYears() < EMPLOYABLE_FROM_AGE) {
            throw reject("employable-too-young", "employable", "employable beneficiaries are at least 15 (§ 7(1) SGB II)");
        }
        return List.of(new PersonRegistered(c.personId(), c.role(), YearMonth.from(c.birthDate()), c.sex(),
                c.employable(), c.singleParent(), c.effectiveFrom(), c.customerNumber(), c.pii()));
    }

    /** The longest a pregnancy lasts from its 13th week, and a little more: an expected delivery further out is a typo. */
    static final int MAX_DAYS_TO_DELIVERY = 300;

    /** Births are induced two weeks after term at the latest; a delivery more than this after the expected date is a typo. */
    static final int MAX_DAYS_OVERDUE = 45;

    private static List<EventData> circumstances(CaseCommand.RecordCircumstances c, CaseState s) {
        CaseState.Member m = member(s, c.personId());
        plausible(c.effectiveFrom(), "effectiveFrom");
        notBefore(c.effectiveFrom(), m.joinedOn(), "effectiveFrom", "the person joined the case on " + m.joinedOn());
        List<java.util.UUID> parents = c.parentIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(c.parentIds()));
        if (parents.size() > 2) {
            throw reject("too-many-parents", "parentIds", "at most two parents");
        }
        for (java.util.UUID p : parents) {
            CaseState.Member parent = s.members().get(p);
            if (p.equals(c.personId()) || parent == null || parent.role() == PersonRole.OTHER) {
                throw reject("parent-not-member", "parentIds", "a parent must be another member of the case");
            }
            if (!parent.birthYearMonth().plusYears(12).isBefore(m.birthYearMonth())) {
                throw reject("parent-too-young", "parentIds", "a parent is at least 12 years older than the child");
            }
        }
        if (c.movedOutWithoutConsent() && !YearMonth.from(c.effectiveFrom()).isBefore(m.birthYearMonth().plusYears(25))) {
            throw reject("not-under-25", "movedOutWithoutConsent", "§ 20(3) SGB II concerns persons under 25");
        }
        de.auseinerhand.events.registry.HealthFacts h = c.health();
        if (h != null && h.expectedDelivery() != null) {
            if (h.expectedDelivery().isAfter(c.effectiveFrom().plusDays(MAX_DAYS_TO_DELIVERY))) {
                throw reject("delivery-too-far", "health.expectedDelivery", "more than " + MAX_DAYS_TO_DELIVERY + " days after effectiveFrom");
            }
            if (h.expectedDelivery().isBefore(c.effectiveFrom().minusYears(1))) {
                throw reject("delivery-too-early", "health.expectedDelivery", "more than a year before effectiveFrom");
            }
            if (h.deliveredOn() != null && h.deliveredOn().isBefore(h.pregnancyNeedFrom().minusDays(84))) {
                throw reject("delivery-implausible", "health.deliveredOn", "too early for this expected delivery");
            }
            if (h.deliveredOn() != null && h.deliveredOn().isAfter(h.expectedDelivery().plusDays(MAX_DAYS_OVERDUE))) {
                throw reject("delivery-implausible", "health.deliveredOn", "more than " + MAX_DAYS_OVERDUE
                        + " days after the expected delivery");
            }
        } else if (h != null && h.deliveredOn() != null) {
            throw reject("delivery-without-pregnancy", "health.deliveredOn", "needs health.expectedDelivery");
        }
        return List.of(new de.auseinerhand.events.registry.CircumstancesRecorded(c.personId(), c.effectiveFrom(), parents,
                c.singleParent(), c.inEducation(), c.movedOutWithoutConsent(), c.minorChildOutsideCase(), c.pii()));
    }

    /** § 7(3) SGB II: one head; a partner is an adult; a child in the case is under 25. */
    private static void checkRole(CaseState s, PersonRole role, LocalDate birthDate, LocalDate on,
            java.util.UUID personId) {
        int age = Period.between(birthDate, on).getYears();
        if (role == PersonRole.HEAD && s.members().values().stream()
                .anyMatch(m -> m.isCurrent() && m.role() == PersonRole.HEAD && !m.personId().equals(personId))) {
            throw reject("one-head-per-case", "role", "the case has a head already");
        }
        if (role == PersonRole.PARTNER && age < 18) {
            throw reject("partner-must-be-adult", "birthDate", "a partner must be an adult (§ 7(3) Nr. 3 SGB II)");
        }
        if (role == PersonRole.PARTNER && s.members().values().stream()
                .anyMatch(m -> m.isCurrent() && m.role() == PersonRole.PARTNER && !m.personId().equals(personId))) {
            throw reject("one-partner-per-case", "role", "the case has a partner already");
        }
        if (role == PersonRole.CHILD && age >= 25) {
            throw reject("child-under-25", "birthDate", "a child in the case must be under 25 (§ 7(3) Nr. 4 SGB II)");
        }
    }

    private static CaseState.Member member(CaseState s, java.util.UUID personId) {
        CaseState.Member m = s.members().get(personId);
        if (m == null) {
            throw reject("not-a-member", "personId", "the person is not a member of this case");
        }
        return m;
    }

    private static CaseState.Member currentMember(CaseState s, java.util.UUID personId) {
        CaseState.Member m = member(s, personId);
        if (!m.isCurrent()) {
            throw reject("not-a-current-member", "personId", "the person has left the case");
        }
        return m;
    }

    private static void plausible(LocalDate date, String field) {
        if (date.isBefore(SGB_II_START)) {
            throw reject("before-sgb-ii", field, "dates before 2005-01-01 (SGB II) are implausible");
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String field, String message) {
        plausible(date, field);
        if (earliest != null && date.isBefore(earliest)) {
            throw reject("date-too-early", field, message);
        }
    }

    private static CommandRejected reject(String code, String field, String message) {
        return new CommandRejected(code, field, message);
    }

    @Override
    public CaseState evolve(CaseState s, EventData event) {
        if (event instanceof CaseOpened e) {
            return new CaseState(e.caseId(), e.municipality(), e.openedOn(), null, Map.of(), Map.of(), java.util.Set.of());
        }
        if (event instanceof CitizenLinked e) {
            return s.withCitizen(e.citizenId(), true);
        }
        if (event instanceof CitizenUnlinked e) {
            return s.withCitizen(e.citizenId(), false);
        }
        if (event instanceof PersonRegistered e) {
            return s.withMember(new CaseState.Member(e.personId(), e.role(), e.birthYearMonth(), e.sex(),
                    e.employable(), e.singleParent(), e.effectiveFrom(), null, e.customerNumber(), e.pii(), null,
                    false));
        }
        if (event instanceof PersonLeftCase e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).left(e.effectiveFrom()));
        }
        if (event instanceof PersonJoinedCase e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).rejoined(e.role(), e.effectiveFrom()));
        }
        if (event instanceof EmployabilityChanged e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).withEmployable(e.employable()));
        }
        if (event instanceof UnemploymentStarted e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).unemployedSince(e.date()));
        }
        if (event instanceof UnemploymentEnded e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).unemployedSince(null));
        }
        if (event instanceof PersonDataErased e && s.members().containsKey(e.personId())) {
            return s.withMember(s.members().get(e.personId()).erasedData());
        }
        if (event instanceof CaseworkerAssigned e) {
            return s.withCaseworker(e.function(), e.caseworkerId());
        }
        if (event instanceof CaseMoved e) {
            return s.movedTo(e.toMunicipality());
        }
        if (event instanceof CaseClosed e) {
            return s.closed(e.effectiveFrom());
        }
        return s;
    }
}
