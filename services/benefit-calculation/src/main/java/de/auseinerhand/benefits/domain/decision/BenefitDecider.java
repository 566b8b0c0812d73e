package de.auseinerhand.benefits.domain.decision;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Decider;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The rules of a case's benefit life: application, decisions, amendments, terminations, postings (SGB II, SGB X). */
public final class BenefitDecider implements Decider<BenefitCommand, BenefitState> {

    @Override
    public BenefitState initialState() {
        return BenefitState.empty();
    }

    @Override
    public List<EventData> decide(BenefitCommand command, BenefitState s) {
        if (command instanceof BenefitCommand.ReceiveApplication c) {
            return receive(c, s);
        } else if (command instanceof BenefitCommand.Decide c) {
            return decide(c, s);
        } else if (command instanceof BenefitCommand.Amend c) {
            return amend(c, s);
        } else if (command instanceof BenefitCommand.Terminate c) {
            return terminate(c, s);
        } else if (command instanceof BenefitCommand.Post c) {
            return post(c, s);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private List<EventData> receive(BenefitCommand.ReceiveApplication c, BenefitState s) {
        if (c.receivedOn().isBefore(c.caseOpenedOn())) {
            throw new CommandRejected("application-before-case", "receivedOn", "the case was opened on " + c.caseOpenedOn());
        }
        LocalDate effective = c.receivedOn().withDayOfMonth(1);
        if (s.applicationFrom() != null && s.decisions().values().stream().noneMatch(d -> !d.from().isBefore(s.applicationFrom()))) {
            throw new CommandRejected("application-pending", "receivedOn",
                    "an application from " + s.applicationFrom() + " is still waiting for its decision");
        }
        YearMonth month = YearMonth.from(effective);
        if (s.decisionFor(month) != null) {
            throw new CommandRejected("decision-in-force", "receivedOn", "a decision already covers " + month);
        }
        // § 37(2) SGB II: effective from the first day of the month of application
        return List.of(new ApplicationReceived(c.receivedOn(), effective));
    }

    private List<EventData> decide(BenefitCommand.Decide c, BenefitState s) {
        if (s.applicationFrom() == null) {
            throw new CommandRejected("no-application", "application", "benefits need an application first (§ 37 SGB II)");
        }
        if (c.replaces() == null && c.from().isBefore(s.applicationFrom())) {
            throw new CommandRejected("before-application", "from", "the application is effective from " + s.applicationFrom());
        }
        if (c.months().isEmpty() || !c.months().get(0).month().equals(YearMonth.from(c.from()))) {
            throw new IllegalArgumentException("months must start with the first month of the period");
        }
        if (c.replaces() != null) {
            BenefitState.Decision replaced = s.decisions().get(c.replaces());
            if (replaced == null) {
                throw new CommandRejected("unknown-decision", "decisionId", "no decision " + c.replaces());
            }
            if (!replaced.provisional() || replaced.replacedBy() != null) {
                throw new CommandRejected("not-provisional", "decisionId", "only a provisional decision is made final (§ 41a SGB II)");
            }
        }
        for (BenefitState.Decision d : s.decisions().values()) {
            if (d.id().equals(c.replaces()) || d.replacedBy() != null) {
                continue;
            }
            for (MonthAmounts m : c.months()) {
                if (d.coversMonth(m.month())) {
                    throw new CommandRejected("overlapping-decision", "from", "decision " + d.id() + " already covers " + m.month());
                }
            }
        }
        List<EventData> events = new ArrayList<>();
        MonthAmounts first = c.months().get(0);
        events.add(new EntitlementDecided(c.decisionId(), new Period(c.from(), c.to()), c.provisional(), first.ruleSet(), first.perPerson(),
                first.total(), first.federal(), first.municipal(), c.replaces(), c.settlement(), c.reclaimWaived()));
        MonthAmounts.Amounts current = first.amounts();
        for (MonthAmounts m : c.months().subList(1, c.months().size())) {
            if (!m.amounts().sameMoneyAs(current)) {
                events.add(new EntitlementAmended(c.decisionId(), m.month().atDay(1),
                        "scheduled change within the approval period (" + m.ruleSet() + ", ages and facts as known)", m.ruleSet(),
                        m.perPerson(), m.total(), m.federal(), m.municipal()));
                current = m.amounts();
            }
        }
        return events;
    }

    private List<EventData> amend(BenefitCommand.Amend c, BenefitState s) {
        BenefitState.Decision d = s.decisions().get(c.decisionId());
        if (d == null) {
            throw new CommandRejected("unknown-decision", "decisionId", "no decision " + c.decisionId());
        }
        TreeMap<YearMonth, MonthAmounts.Amounts> schedule = new TreeMap<>(d.schedule());
        List<EventData> events = new ArrayList<>();
        for (MonthAmounts m : c.months()) {
            if (!d.coversMonth(m.month())) {
                continue;
            }
            MonthAmounts.Amounts now = schedule.floorEntry(m.month()) == null ? null : schedule.floorEntry(m.month()).getValue();
            if (!m.amounts().sameMoneyAs(now)) {
                // SGB X § 48 (changed facts) / § 44 (review): a new amendment from the first month that differs
                events.add(new EntitlementAmended(c.decisionId(), m.month().atDay(1), c.reason(), m.ruleSet(), m.perPerson(), m.total(),
                        m.federal(), m.municipal()));
                schedule.put(m.month(), m.amounts());
            }
        }
        return events;
    }

    private List<EventData> terminate(BenefitCommand.Terminate c, BenefitState s) {
        BenefitState.Decision d = s.decisions().get(c.decisionId());
        if (d == null) {
            throw new CommandRejected("unknown-decision", "decisionId", "no decision " + c.decisionId());
        }
        if (d.terminatedFrom() != null && !d.terminatedFrom().isAfter(c.effectiveFrom())) {
            throw new CommandRejected("already-terminated", "effectiveFrom", "terminated from " + d.terminatedFrom());
        }
        if (c.effectiveFrom().isBefore(d.from()) || c.effectiveFrom().isAfter(d.to())) {
            throw new CommandRejected("outside-period", "effectiveFrom", "the decision runs from " + d.from() + " to " + d.to());
        }
        return List.of(new EntitlementTerminated(c.decisionId(), c.effectiveFrom(), c.reason()));
    }

    private List<EventData> post(BenefitCommand.Post c, BenefitState s) {
        if (s.posted().containsKey(c.month())) {
            throw new CommandRejected("already-posted", "month", c.month() + " is already posted");
        }
        if (s.decisionFor(c.month()) == null) {
            throw new CommandRejected("no-decision", "month", "no decision covers " + c.month());
        }
        return List.of(new MonthlyEntitlementPosted(c.month(), c.perPerson(), c.llu(), c.kdu(), c.reductions(), c.payable()));
    }

    @Override
    public BenefitState evolve(BenefitState s, EventData event) {
        if (event instanceof ApplicationReceived e) {
            return new BenefitState(s.firstBenefitDay() == null ? e.effectiveFrom() : s.firstBenefitDay(), e.effectiveFrom(), s.decisions(),
                    s.posted());
        }
        if (event instanceof EntitlementDecided e) {
            Map<UUID, BenefitState.Decision> ds = new LinkedHashMap<>(s.decisions());
            if (e.replacesDecisionId() != null && ds.containsKey(e.replacesDecisionId())) {
                BenefitState.Decision old = ds.get(e.replacesDecisionId());
                ds.put(old.id(), new BenefitState.Decision(old.id(), old.from(), old.to(), old.provisional(), e.decisionId(),
                        old.terminatedFrom(), old.schedule()));
            }
            TreeMap<YearMonth, MonthAmounts.Amounts> schedule = new TreeMap<>();
            schedule.put(YearMonth.from(e.period().from()),
                    new MonthAmounts.Amounts(e.ruleSet(), e.perPerson(), e.total(), e.federalShare(), e.municipalShare()));
            ds.put(e.decisionId(), new BenefitState.Decision(e.decisionId(), e.period().from(), e.period().to(), e.provisional(), null, null,
                    Collections.unmodifiableNavigableMap(schedule)));
            LocalDate first = s.firstBenefitDay() == null || e.period().from().isBefore(s.firstBenefitDay()) ? e.period().from()
                    : s.firstBenefitDay();
            return new BenefitState(first, s.applicationFrom(), ds, s.posted());
        }
        if (event instanceof EntitlementAmended e) {
            Map<UUID, BenefitState.Decision> ds = new LinkedHashMap<>(s.decisions());
            BenefitState.Decision d = ds.get(e.decisionId());
            if (d != null) {
                ds.put(d.id(), d.withSchedule(YearMonth.from(e.effectiveFrom()),
                        new MonthAmounts.Amounts(e.ruleSet(), e.perPerson(), e.total(), e.federalShare(), e.municipalShare())));
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), ds, s.posted());
        }
        if (event instanceof EntitlementTerminated e) {
            Map<UUID, BenefitState.Decision> ds = new LinkedHashMap<>(s.decisions());
            BenefitState.Decision d = ds.get(e.decisionId());
            if (d != null) {
                ds.put(d.id(), new BenefitState.Decision(d.id(), d.from(), d.to(), d.provisional(), d.replacedBy(), e.effectiveFrom(),
                        d.schedule()));
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), ds, s.posted());
        }
        if (event instanceof MonthlyEntitlementPosted e) {
            TreeMap<YearMonth, java.math.BigDecimal> posted = new TreeMap<>(s.posted());
            posted.put(e.month(), e.llu().add(e.kdu()));
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), posted);
        }
        return s;
    }
}
