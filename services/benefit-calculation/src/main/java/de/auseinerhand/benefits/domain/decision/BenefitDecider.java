package de.auseinerhand.benefits.domain.decision;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.ApplicationWithdrawn;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.CostReductionNoticeIssued;
import de.auseinerhand.events.benefits.CostReductionNoticeWithdrawn;
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
        if (command instanceof BenefitCommand.WithdrawApplication c) {
            if (s.applicationFrom() == null || s.decisions().values().stream().anyMatch(d -> !d.from().isBefore(s.applicationFrom()))) {
                throw new CommandRejected("no-pending-application", "application",
                        "no application waits for its decision; a decided period ends by termination");
            }
            return List.of(new ApplicationWithdrawn(s.applicationFrom(), c.withdrawnOn()));
        }
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
        } else if (command instanceof BenefitCommand.ImposeReduction c) {
            return impose(c, s);
        } else if (command instanceof BenefitCommand.LiftReduction c) {
            return lift(c, s);
        } else if (command instanceof BenefitCommand.IssueCostReductionNotice c) {
            if (s.firstBenefitDay() == null) {
                throw new CommandRejected("no-application", "issuedOn", "a cost-reduction notice concerns a household receiving benefits");
            }
            if (c.issuedOn().isBefore(s.firstBenefitDay())) {
                throw new CommandRejected("notice-before-benefits", "issuedOn", "benefits start on " + s.firstBenefitDay());
            }
            BenefitState.CostReductionNotice open = s.costReductionNotices().stream().filter(n -> n.withdrawnOn() == null).findFirst()
                    .orElse(null);
            if (open != null) {
                throw new CommandRejected("notice-in-force", "issuedOn", "the notice of " + open.issuedOn() + " applies; withdraw it first");
            }
            BenefitState.CostReductionNotice last = s.costReductionNotices().isEmpty() ? null
                    : s.costReductionNotices().get(s.costReductionNotices().size() - 1);
            if (last != null && c.issuedOn().isBefore(last.withdrawnOn())) {
                throw new CommandRejected("notice-overlaps", "issuedOn", "the previous notice applied until " + last.withdrawnOn());
            }
            return List.of(new CostReductionNoticeIssued(c.issuedOn()));
        } else if (command instanceof BenefitCommand.WithdrawCostReductionNotice c) {
            BenefitState.CostReductionNotice open = s.costReductionNotices().stream().filter(n -> n.withdrawnOn() == null).findFirst()
                    .orElseThrow(() -> new CommandRejected("no-notice", "withdrawnOn", "no cost-reduction notice applies"));
            if (c.withdrawnOn().isBefore(open.issuedOn())) {
                throw new CommandRejected("withdrawn-before-issued", "withdrawnOn", "the notice was issued on " + open.issuedOn());
            }
            return List.of(new CostReductionNoticeWithdrawn(open.issuedOn(), c.withdrawnOn(), c.reason()));
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

    static final String MISSED = "§ 32 SGB II";

    /**
     * §§ 31, 31a, 32 SGB II: a hearing first (§ 24 SGB X), none while a cooperation-plan dispute runs
     * (§ 15a, up to 2026-06); the steps of the rule set in force when the duty was breached: up to 2026-06
     * 10 / 20 / 30 % of the standard need for the first / second / further breach within the look-back
     * window (1 / 2 / 3 months) and 10 % for one month per missed appointment; from 2026-07 (13th amending
     * act) 30 % for three months per breach, the standard need withdrawn for a refused job, and missed
     * appointments by their number. The cap over all reductions and the rule that housing costs are never
     * reduced apply when posting.
     */
    private List<EventData> impose(BenefitCommand.ImposeReduction c, BenefitState s) {
        if (!c.personInCase()) {
            throw new CommandRejected("unknown-person", "personId", "the person is not a member of the case");
        }
        if (c.hearingOn() == null) {
            throw new CommandRejected("hearing-required", "hearingOn", "the person must be heard before a reduction (§ 24 SGB X)");
        }
        if (c.hearingOn().isBefore(c.occurredOn())) {
            throw new CommandRejected("hearing-before-breach", "hearingOn", "the hearing cannot precede the breach of " + c.occurredOn());
        }
        if (c.disputeRunning()) {
            throw new CommandRejected("dispute-running", "personId",
                    "a dispute procedure about the cooperation plan is running: no reduction while it runs (§ 15a SGB II)");
        }
        if (c.from().isBefore(c.hearingOn())) {
            throw new CommandRejected("reduction-before-hearing", "from", "a reduction starts after the hearing of " + c.hearingOn());
        }
        YearMonth month = YearMonth.from(c.from());
        if (s.decisionFor(month) == null) {
            throw new CommandRejected("no-decision", "from", "no decision covers " + month);
        }
        for (BenefitState.Reduction r : s.reductions()) {
            if (r.personId().equals(c.personId()) && r.from().equals(c.from())) {
                throw new CommandRejected("reduction-exists", "from", "a reduction of this person already starts on " + c.from());
            }
        }
        int percent;
        int months;
        String ground;
        if (c.missedAppointment()) {
            // the n-th missed appointment within the look-back window (rule data: 10 % for one month each up to
            // 2026-06; from 2026-07 none for the first, 30 % for one month for the second, the standard need
            // withdrawn for the third)
            LocalDate window = c.from().minusMonths(c.rules().lookbackMonths());
            long prior = s.reductions().stream().filter(r -> r.personId().equals(c.personId()) && r.missedAppointment()
                    && r.from().isAfter(window) && r.from().isBefore(c.from())).count();
            int n = (int) prior + 1;
            percent = c.rules().missedAppointmentPercent(n);
            months = c.rules().missedAppointmentMonths(n);
            ground = MISSED + ": missed appointment " + n + " within " + c.rules().lookbackMonths() + " months, on " + c.occurredOn();
            if (percent == 0 || months == 0) {
                // recorded as a reduction of 0 % for one day, so that the next one counts as the (n+1)-th
                return List.of(new BenefitReductionImposed(c.personId(), 0, c.from(), c.from(), ground + ": no reduction for this one"));
            }
        } else if (c.kind() != null && c.kind().equals("REFUSED_REASONABLE_OFFER") && c.rules().workRefusalPercent() != null) {
            percent = c.rules().workRefusalPercent();
            months = c.rules().workRefusalMonths();
            ground = "withdrawal of the standard need for refusing a reasonable job offer on " + c.occurredOn()
                    + " (13th amending act, in force per rule data)";
        } else {
            LocalDate window = c.from().minusMonths(c.rules().lookbackMonths());
            long prior = s.reductions().stream().filter(r -> r.personId().equals(c.personId()) && !r.missedAppointment()
                    && r.from().isAfter(window) && r.from().isBefore(c.from())).count();
            int n = (int) prior + 1;
            percent = c.rules().percentForBreach(n);
            months = c.rules().monthsForBreach(n);
            ground = "§ 31a(1) SGB II: breach " + n + " within " + c.rules().lookbackMonths() + " months (" + c.kind() + " on "
                    + c.occurredOn() + ")";
        }
        return List.of(new BenefitReductionImposed(c.personId(), percent, c.from(), c.from().plusMonths(months).minusDays(1), ground));
    }

    /** § 31a(1) S. 6 SGB II: the reduction ends when the person fulfils the duty or declares to do so. */
    private List<EventData> lift(BenefitCommand.LiftReduction c, BenefitState s) {
        for (BenefitState.Reduction r : s.reductions()) {
            if (r.personId().equals(c.personId()) && r.from().equals(c.from())) {
                if (c.lastDay().isBefore(r.from().minusDays(1)) || !c.lastDay().isBefore(r.to())) {
                    throw new CommandRejected("outside-reduction", "lastDay", "the reduction runs from " + r.from() + " to " + r.to());
                }
                return List.of(new BenefitReductionLifted(r.personId(), r.percent(), r.from(), c.lastDay(),
                        "§ 31a(1) S. 6 SGB II: " + c.reason()));
            }
        }
        throw new CommandRejected("unknown-reduction", "from", "no reduction of this person starts on " + c.from());
    }

    @Override
    public BenefitState evolve(BenefitState s, EventData event) {
        if (event instanceof CostReductionNoticeIssued e) {
            List<BenefitState.CostReductionNotice> ns = new ArrayList<>(s.costReductionNotices());
            ns.add(new BenefitState.CostReductionNotice(e.issuedOn(), null));
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), s.posted(), s.reductions(), List.copyOf(ns));
        }
        if (event instanceof CostReductionNoticeWithdrawn e) {
            List<BenefitState.CostReductionNotice> ns = new ArrayList<>();
            for (BenefitState.CostReductionNotice n : s.costReductionNotices()) {
                ns.add(n.issuedOn().equals(e.issuedOn()) && n.withdrawnOn() == null ? new BenefitState.CostReductionNotice(n.issuedOn(),
                        e.withdrawnOn()) : n);
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), s.posted(), s.reductions(), List.copyOf(ns));
        }
        if (event instanceof ApplicationWithdrawn e) {
            // back to no pending application; the first benefit day stays only if a decision was ever made
            return new BenefitState(s.decisions().isEmpty() ? null : s.firstBenefitDay(), null, s.decisions(), s.posted(), s.reductions(),
                    s.costReductionNotices());
        }
        if (event instanceof ApplicationReceived e) {
            return new BenefitState(s.firstBenefitDay() == null ? e.effectiveFrom() : s.firstBenefitDay(), e.effectiveFrom(), s.decisions(),
                    s.posted(), s.reductions(), s.costReductionNotices());
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
            return new BenefitState(first, s.applicationFrom(), ds, s.posted(), s.reductions(), s.costReductionNotices());
        }
        if (event instanceof EntitlementAmended e) {
            Map<UUID, BenefitState.Decision> ds = new LinkedHashMap<>(s.decisions());
            BenefitState.Decision d = ds.get(e.decisionId());
            if (d != null) {
                ds.put(d.id(), d.withSchedule(YearMonth.from(e.effectiveFrom()),
                        new MonthAmounts.Amounts(e.ruleSet(), e.perPerson(), e.total(), e.federalShare(), e.municipalShare())));
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), ds, s.posted(), s.reductions(), s.costReductionNotices());
        }
        if (event instanceof EntitlementTerminated e) {
            Map<UUID, BenefitState.Decision> ds = new LinkedHashMap<>(s.decisions());
            BenefitState.Decision d = ds.get(e.decisionId());
            if (d != null) {
                ds.put(d.id(), new BenefitState.Decision(d.id(), d.from(), d.to(), d.provisional(), d.replacedBy(), e.effectiveFrom(),
                        d.schedule()));
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), ds, s.posted(), s.reductions(), s.costReductionNotices());
        }
        if (event instanceof BenefitReductionImposed e) {
            List<BenefitState.Reduction> rs = new ArrayList<>(s.reductions());
            rs.add(new BenefitState.Reduction(e.personId(), e.percent(), e.from(), e.to(), e.ground(), e.ground().startsWith(MISSED)));
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), s.posted(), List.copyOf(rs), s.costReductionNotices());
        }
        if (event instanceof BenefitReductionLifted e) {
            List<BenefitState.Reduction> rs = new ArrayList<>();
            for (BenefitState.Reduction r : s.reductions()) {
                rs.add(r.personId().equals(e.personId()) && r.from().equals(e.from())
                        ? new BenefitState.Reduction(r.personId(), r.percent(), r.from(), e.to(), r.ground(), r.missedAppointment()) : r);
            }
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), s.posted(), List.copyOf(rs), s.costReductionNotices());
        }
        if (event instanceof MonthlyEntitlementPosted e) {
            TreeMap<YearMonth, java.math.BigDecimal> posted = new TreeMap<>(s.posted());
            posted.put(e.month(), e.llu().add(e.kdu()));
            return new BenefitState(s.firstBenefitDay(), s.applicationFrom(), s.decisions(), posted, s.reductions(), s.costReductionNotices());
        }
        return s;
    }
}
