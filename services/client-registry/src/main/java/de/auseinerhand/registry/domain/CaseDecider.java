package de.auseinerhand.registry.domain;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.registry.domain.CaseCommand.OpenCase;
import de.auseinerhand.registry.domain.CaseCommand.RegisterPerson;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The rules of a case (Bedarfsgemeinschaft, § 7(3) SGB II). Pure: no framework, no clock. */
public final class CaseDecider implements Decider<CaseCommand, CaseState> {

    /** Oldest plausible birth date relative to the business date. */
    static final int MAX_AGE_YEARS = 120;

    @Override
    public CaseState initialState() {
        return CaseState.NONE;
    }

    @Override
    public List<EventData> decide(CaseCommand command, CaseState state) {
        if (command instanceof OpenCase c) {
            return open(c, state);
        }
        if (command instanceof RegisterPerson c) {
            return register(c, state);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static List<EventData> open(OpenCase c, CaseState state) {
        if (state.exists()) {
            throw new CommandRejected("case-exists", "caseId", "case " + c.caseId() + " exists already");
        }
        return List.of(new CaseOpened(c.caseId(), c.municipality(), c.openedOn()));
    }

    private static List<EventData> register(RegisterPerson c, CaseState state) {
        if (!state.isOpen()) {
            throw new CommandRejected("case-not-open", null, "persons can only join an open case");
        }
        if (c.effectiveFrom().isBefore(state.openedOn())) {
            throw new CommandRejected("before-case-opened", "effectiveFrom",
                    "a person cannot join before the case was opened (" + state.openedOn() + ")");
        }
        if (c.birthDate().isAfter(c.effectiveFrom())) {
            throw new CommandRejected("born-after-joining", "birthDate", "the person is not born yet on effectiveFrom");
        }
        if (c.birthDate().isBefore(c.effectiveFrom().minusYears(MAX_AGE_YEARS))) {
            throw new CommandRejected("implausible-birth-date", "birthDate", "birth date is implausibly early");
        }
        int age = Period.between(c.birthDate(), c.effectiveFrom()).getYears();
        if (c.role() == PersonRole.HEAD && state.members().values().stream()
                .anyMatch(m -> m.isCurrent() && m.role() == PersonRole.HEAD)) {
            throw new CommandRejected("one-head-per-case", "role", "the case has a head already");
        }
        if (c.role() == PersonRole.PARTNER && age < 18) {
            throw new CommandRejected("partner-must-be-adult", "birthDate", "a partner must be an adult (§ 7(3) Nr. 3 SGB II)");
        }
        if (c.role() == PersonRole.CHILD && age >= 25) {
            throw new CommandRejected("child-under-25", "birthDate", "a child in the case must be under 25 (§ 7(3) Nr. 4 SGB II)");
        }
        if (state.members().containsKey(c.personId())) {
            throw new CommandRejected("person-already-member", "personId", "the person is a member already");
        }
        return List.of(new PersonRegistered(c.personId(), c.role(), YearMonth.from(c.birthDate()), c.sex(),
                c.employable(), c.singleParent(), c.effectiveFrom(), c.customerNumber(), c.pii()));
    }

    @Override
    public CaseState evolve(CaseState s, EventData event) {
        if (event instanceof CaseOpened e) {
            return new CaseState(e.caseId(), e.municipality(), e.openedOn(), null, Map.of());
        }
        if (event instanceof PersonRegistered e) {
            return s.withMember(new CaseState.Member(e.personId(), e.role(), e.birthYearMonth(), e.sex(),
                    e.employable(), e.singleParent(), e.effectiveFrom(), null, e.customerNumber(), e.pii()));
        }
        if (event instanceof PersonLeftCase e && s.members().containsKey(e.personId())) {
            CaseState.Member m = s.members().get(e.personId());
            return s.withMember(new CaseState.Member(m.personId(), m.role(), m.birthYearMonth(), m.sex(),
                    m.employable(), m.singleParent(), m.joinedOn(), e.effectiveFrom(), m.customerNumber(), m.pii()));
        }
        if (event instanceof PersonJoinedCase e && s.members().containsKey(e.personId())) {
            CaseState.Member m = s.members().get(e.personId());
            return s.withMember(new CaseState.Member(m.personId(), e.role(), m.birthYearMonth(), m.sex(),
                    m.employable(), m.singleParent(), e.effectiveFrom(), null, m.customerNumber(), m.pii()));
        }
        if (event instanceof CaseMoved e) {
            return new CaseState(s.caseId(), e.toMunicipality(), s.openedOn(), s.closedOn(), s.members());
        }
        if (event instanceof CaseClosed e) {
            return new CaseState(s.caseId(), s.municipality(), s.openedOn(), e.effectiveFrom(), s.members());
        }
        return s;
    }
}
