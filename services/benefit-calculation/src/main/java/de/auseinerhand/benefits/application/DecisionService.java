package de.auseinerhand.benefits.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.benefits.domain.calculation.CalculationSheet;
import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.InvalidHouseholdException;
import de.auseinerhand.benefits.domain.decision.BenefitCommand;
import de.auseinerhand.benefits.domain.decision.BenefitDecider;
import de.auseinerhand.benefits.domain.decision.BenefitState;
import de.auseinerhand.benefits.domain.decision.CaseFacts;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.benefits.infrastructure.CaseFactsRepository;
import de.auseinerhand.benefits.infrastructure.SheetJson;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The benefit life of a case: application, decisions computed from the registry's facts with their
 * calculation sheets, automatic amendments when facts change (also back in time), final decisions
 * after provisional ones, terminations, and the four-eyes rule for large or far-reaching ones.
 */
@ApplicationScoped
public class DecisionService {
    private static final Logger LOG = Logger.getLogger(DecisionService.class);
    public static final BenefitDecider DECIDER = new BenefitDecider();
    static final String SYSTEM_ACTOR = "client:benefit-calculation";

    @Inject
    EventStore store;

    @Inject
    EntitlementCalculator calculator;

    @Inject
    CaseFactsRepository factsRepository;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "aeh.benefits.four-eyes.amount", defaultValue = "2500.00")
    BigDecimal fourEyesAmount;

    @ConfigProperty(name = "aeh.benefits.four-eyes.months-back", defaultValue = "3")
    int fourEyesMonthsBack;

    /** § 41a(6) S. 3 SGB II practice: reclaims below this amount for the whole case are not pursued. */
    @ConfigProperty(name = "aeh.benefits.reclaim-threshold", defaultValue = "50.00")
    BigDecimal reclaimThreshold;

    @Inject
    Clock clock;

    @Inject
    de.auseinerhand.benefits.notices.Notices notices;

    public static String stream(String caseId) {
        return "benefits-" + caseId;
    }

    /**
     * Serialises, per case, the commands that compute from the registry's facts with the consumer that
     * applies changed facts (until the transaction ends). Without it a decision computed from facts read
     * just before an income arrived would miss the income, and the consumer, not yet seeing that
     * decision, would not amend it (§ 48 SGB X). With it, whichever comes second sees the first.
     */
    void lockCase(String caseId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select pg_advisory_xact_lock(" + CASE_LOCK_SPACE + ", hashtext(?))")) {
            ps.setString(1, caseId);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("locking case " + caseId + " failed", e);
        }
    }

    /** First key of the two-key advisory locks of benefit cases (7301 is the outbox relay's single key). */
    static final int CASE_LOCK_SPACE = 7302;

    /** The result of a command that may have to wait for a team lead. */
    public record Outcome(Loaded<BenefitState> state, UUID decisionId, UUID pendingApproval, String pendingReason) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Loaded<BenefitState> load(String caseId) {
        return store.load(stream(caseId), DECIDER);
    }

    @Transactional
    public Loaded<BenefitState> receiveApplication(String caseId, LocalDate receivedOn, Long expectedVersion, EventMetadata md) {
        CaseFacts facts = facts(caseId);
        handle(caseId, expectedVersion, new BenefitCommand.ReceiveApplication(receivedOn, facts.openedOn()), facts, md);
        return load(caseId);
    }

    /** The applicant withdraws the application that waits for its decision. */
    @Transactional
    public Loaded<BenefitState> withdrawApplication(String caseId, LocalDate withdrawnOn, long expectedVersion, EventMetadata md) {
        CaseFacts facts = facts(caseId);
        handle(caseId, expectedVersion, new BenefitCommand.WithdrawApplication(withdrawnOn), facts, md);
        return load(caseId);
    }

    /** A decision for the next approval period (§ 41(3) SGB II) from the facts as known now. */
    @Transactional
    public Outcome decide(String caseId, boolean provisional, Long expectedVersion, String actor, EventMetadata md) {
        lockCase(caseId);
        Loaded<BenefitState> loaded = load(caseId);
        if (expectedVersion != null && expectedVersion != loaded.version()) {
            throw new de.auseinerhand.eventstore.ConcurrencyConflictException(stream(caseId), expectedVersion, loaded.version());
        }
        BenefitState s = loaded.state();
        if (s.applicationFrom() == null) {
            throw new CommandRejected("no-application", "application", "benefits need an application first (§ 37 SGB II)");
        }
        LocalDate from = s.applicationFrom();
        for (BenefitState.Decision d : s.decisions().values()) {
            if (d.replacedBy() == null && !d.to().isBefore(from)) {
                from = d.terminatedFrom() != null && d.terminatedFrom().isAfter(from) ? d.terminatedFrom() : d.to().plusDays(1);
            }
        }
        from = from.withDayOfMonth(1);
        CaseFacts facts = facts(caseId);
        BenefitCommand.Decide command = decideCommand(s, facts, UUID.randomUUID(), from, provisional, null, null, null);
        String reason = fourEyesReason(command.months().get(0).total(), from);
        if (reason != null) {
            UUID approval = requestApproval(caseId, facts.municipalityIn(YearMonth.from(from)), "DECISION", actor, reason,
                    json().put("provisional", provisional).put("from", from.toString()));
            return new Outcome(loaded, null, approval, reason);
        }
        apply(caseId, loaded, command, facts, md);
        return new Outcome(load(caseId), command.decisionId(), null, null);
    }

    /** The final decision after a provisional one (§ 41a(3)), with the back-payment or reclaim for the period (§ 41a(6)). */
    @Transactional
    public Outcome finalise(String caseId, UUID provisionalId, Long expectedVersion, String actor, EventMetadata md) {
        return finalise(caseId, provisionalId, expectedVersion, actor, md, true);
    }

    private Outcome finalise(String caseId, UUID provisionalId, Long expectedVersion, String actor, EventMetadata md, boolean fourEyes) {
        lockCase(caseId);
        Loaded<BenefitState> loaded = load(caseId);
        if (expectedVersion != null && expectedVersion != loaded.version()) {
            throw new de.auseinerhand.eventstore.ConcurrencyConflictException(stream(caseId), expectedVersion, loaded.version());
        }
        BenefitState.Decision old = loaded.state().decisions().get(provisionalId);
        if (old == null) {
            throw ProblemException.notFound();
        }
        CaseFacts facts = facts(caseId);
        BenefitCommand.Decide draft = decideCommand(loaded.state(), facts, UUID.randomUUID(), old.from(), false, old.to(), provisionalId, null);
        // § 41a(6): what the final decision grants for the months already paid, against what was paid
        BigDecimal settlement = BigDecimal.ZERO.setScale(2);
        for (MonthAmounts m : draft.months()) {
            BigDecimal paid = loaded.state().posted().get(m.month());
            if (paid != null) {
                settlement = settlement.add(m.total()).subtract(paid);
            }
        }
        Boolean waived = settlement.signum() < 0 ? settlement.negate().compareTo(reclaimThreshold) < 0 : null;
        BenefitCommand.Decide command = new BenefitCommand.Decide(draft.decisionId(), draft.from(), draft.to(), false, provisionalId,
                settlement, waived, draft.months());
        String reason = fourEyes ? fourEyesReason(settlement.abs(), old.from()) : null;
        if (reason != null) {
            UUID approval = requestApproval(caseId, facts.municipalityIn(YearMonth.from(old.from())), "FINAL", actor, reason,
                    json().put("decisionId", provisionalId.toString()));
            return new Outcome(loaded, null, approval, reason);
        }
        apply(caseId, loaded, command, facts, md);
        return new Outcome(load(caseId), command.decisionId(), null, null);
    }

    @Transactional
    public Loaded<BenefitState> terminate(String caseId, UUID decisionId, LocalDate effectiveFrom, String reason, Long expectedVersion,
            EventMetadata md) {
        handle(caseId, expectedVersion, new BenefitCommand.Terminate(decisionId, effectiveFrom, reason), null, md);
        return load(caseId);
    }

    /**
     * A benefit reduction after a breach of duty (§§ 31, 31a, 32 SGB II), either for a breach job
     * placement recorded ({@code breachId}) or one the case worker names. The hearing must have taken
     * place; no reduction while a cooperation-plan dispute runs (§ 15a, at most 4 weeks).
     */
    @Transactional
    public Loaded<BenefitState> imposeReduction(String caseId, UUID breachId, UUID personId, String kind, LocalDate occurredOn,
            LocalDate hearingOn, LocalDate from, Long expectedVersion, EventMetadata md) {
        lockCase(caseId);
        CaseFacts facts = facts(caseId);
        if (breachId != null) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select person_id, kind, occurred_on from bf_breach where breach_id = ? and case_id = ?")) {
                ps.setObject(1, breachId);
                ps.setString(2, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new CommandRejected("unknown-breach", "breachId", "no breach " + breachId + " is recorded for this case");
                    }
                    personId = rs.getObject(1, UUID.class);
                    kind = rs.getString(2);
                    occurredOn = rs.getObject(3, LocalDate.class);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        LocalDate start = from != null ? from : hearingOn == null ? null : hearingOn.plusMonths(1).withDayOfMonth(1);
        if (start == null) {
            throw new CommandRejected("hearing-required", "hearingOn", "the person must be heard before a reduction (§ 24 SGB X)");
        }
        // the law in force when the duty was breached decides its consequence
        LocalDate breached = occurredOn != null && occurredOn.isBefore(start) ? occurredOn : start;
        de.auseinerhand.benefits.domain.rules.RuleSet rules = calculator.ruleSets().on(breached);
        if (rules == null) {
            throw new CommandRejected("no-rule-set", "from", "no rule set covers " + breached);
        }
        UUID person = personId;
        boolean inCase = facts.persons().stream().anyMatch(p -> p.personId().equals(person) && p.role() != de.auseinerhand.events.registry.PersonRole.OTHER
                && (p.leftOn() == null || p.leftOn().isAfter(start)));
        handle(caseId, expectedVersion, new BenefitCommand.ImposeReduction(personId, kind, "MISSED_APPOINTMENT".equals(kind), occurredOn,
                hearingOn, start, inCase, rules.law().disputeProcedure() && disputeRunning(personId), rules.reductions()), facts, md);
        return load(caseId);
    }

    @Transactional
    public Loaded<BenefitState> liftReduction(String caseId, UUID personId, LocalDate from, LocalDate lastDay, String reason,
            Long expectedVersion, EventMetadata md) {
        handle(caseId, expectedVersion, new BenefitCommand.LiftReduction(personId, from, lastDay, reason), null, md);
        return load(caseId);
    }

    /**
     * § 22(1) S. 7 SGB II: a cost-reduction notice; the decisions in force are recomputed from its month (the cap applies
     * only once the procedure has run its months after the waiting period, so nearer months stay as they are).
     */
    @Transactional
    public Loaded<BenefitState> issueCostReductionNotice(String caseId, LocalDate issuedOn, Long expectedVersion, EventMetadata md) {
        if (issuedOn.isAfter(LocalDate.now(clock))) {
            throw new CommandRejected("notice-in-future", "issuedOn", "a notice is recorded once it was issued");
        }
        handle(caseId, expectedVersion, new BenefitCommand.IssueCostReductionNotice(issuedOn), null, md);
        amendFrom(caseId, YearMonth.from(issuedOn), first -> "cost-reduction notice of " + issuedOn + " (§ 22(1) S. 7 SGB II)", null, true);
        return load(caseId);
    }

    /** The notice no longer applies from {@code withdrawnOn}: actual costs again from then (decisions amended). */
    @Transactional
    public Loaded<BenefitState> withdrawCostReductionNotice(String caseId, LocalDate withdrawnOn, String reason, Long expectedVersion,
            EventMetadata md) {
        if (withdrawnOn.isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new CommandRejected("withdrawal-too-far", "withdrawnOn", "at most a year ahead");
        }
        handle(caseId, expectedVersion, new BenefitCommand.WithdrawCostReductionNotice(withdrawnOn, reason), null, md);
        amendFrom(caseId, YearMonth.from(withdrawnOn), first -> "cost-reduction notice withdrawn from " + withdrawnOn + " (" + reason + ")",
                null, true);
        return load(caseId);
    }

    /** § 15a SGB II: a dispute runs from its start until it ends, at most 4 weeks. */
    boolean disputeRunning(UUID personId) {
        LocalDate today = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from bf_dispute where person_id = ? and started_on <= ? and started_on + 28 >= ? and (ended_on is null or ended_on >= ?)")) {
            ps.setObject(1, personId);
            ps.setObject(2, today);
            ps.setObject(3, today);
            ps.setObject(4, today);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Changed registry facts: recompute every month of the affected decisions from the changed month
     * on and record an amendment where the amounts differ (SGB X § 48). Runs in the consumer's
     * transaction, so the fact and its consequence are stored together or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void factsChanged(@Observes FactsChanged change) {
        amendFrom(change.caseId(), change.fromMonth(),
                first -> "facts changed from " + first + " (" + change.eventType().replace("de.auseinerhand.", "") + ")", change.eventId(),
                !change.migrated());
    }

    /**
     * The rules in force changed from {@code fromMonth} (new rule data, e.g. the 13th amending act from
     * 2026-07-01): recompute the case's decisions from then on and amend where the amounts differ, with the
     * law named as the reason. Same path as changed facts.
     */
    @Transactional
    public void rulesChanged(String caseId, YearMonth fromMonth, String reason) {
        amendFrom(caseId, fromMonth, first -> reason, null, true);
    }

    /** {@code listMigrated}: a migrated decision the change concerns goes on the review list (not for migrated facts). */
    private void amendFrom(String caseId, YearMonth fromMonth, java.util.function.Function<YearMonth, String> reasonFor, UUID causation,
            boolean listMigrated) {
        lockCase(caseId);
        Loaded<BenefitState> loaded = load(caseId);
        // only decisions this change could amend need the facts (a migrated one is listed at most, never recomputed)
        boolean recompute = loaded.state().decisions().values().stream().anyMatch(d -> d.replacedBy() == null && !d.migrated()
                && !YearMonth.from(d.to()).isBefore(fromMonth)
                && (d.terminatedFrom() == null || YearMonth.from(d.terminatedFrom()).isAfter(fromMonth.minusMonths(1))));
        if (loaded.state().decisions().isEmpty() || (!recompute && !listMigrated)) {
            return;
        }
        CaseFacts facts = recompute ? factsRepository.load(caseId) : null;
        for (BenefitState.Decision d : loaded.state().decisions().values()) {
            if (d.replacedBy() != null || YearMonth.from(d.to()).isBefore(fromMonth)
                    || (d.terminatedFrom() != null && !YearMonth.from(d.terminatedFrom()).isAfter(fromMonth.minusMonths(1)))) {
                continue;
            }
            YearMonth first = fromMonth.isBefore(YearMonth.from(d.from())) ? YearMonth.from(d.from()) : fromMonth;
            String reason = reasonFor.apply(first);
            if (d.migrated()) {
                // taken over as the old system decided it: listed for a case worker, not recomputed (docs/migration.md)
                if (listMigrated) {
                    listForReview(caseId, d.id(), reason, first);
                }
                continue;
            }
            List<MonthAmounts> months;
            try {
                months = months(loaded.state(), facts, first, YearMonth.from(d.to()));
            } catch (InvalidHouseholdException e) {
                LOG.warnf("case %s: changed facts cannot be calculated (%s); the decision stays as it is", caseId, e.getMessage());
                return;
            }
            BenefitCommand.Amend command = new BenefitCommand.Amend(d.id(), reason, months);
            if (DECIDER.decide(command, loaded.state()).isEmpty()) {
                continue;
            }
            String fourEyes = fourEyesReason(BigDecimal.ZERO, first.atDay(1));
            if (fourEyes != null) {
                requestApproval(caseId, facts.municipalityIn(first), "AMENDMENT", SYSTEM_ACTOR, fourEyes,
                        json().put("decisionId", d.id().toString()).put("fromMonth", first.toString()).put("reason", reason));
                continue;
            }
            apply(caseId, loaded, command, facts, new EventMetadata(SYSTEM_ACTOR, UUID.randomUUID(), causation, null));
            loaded = load(caseId);
        }
    }

    /** Carries out a pending command for a team lead (who must not be the one who asked for it). */
    @Transactional
    public Outcome approve(UUID approvalId, String approver, java.util.function.Predicate<String> mayAccess, EventMetadata md) {
        PendingApproval p = pending(approvalId, mayAccess);
        if (p.requestedBy().equals(approver)) {
            throw new CommandRejected("four-eyes", "approvalId", "a second person must approve (four-eyes principle)");
        }
        lockCase(p.caseId());
        Loaded<BenefitState> loaded = load(p.caseId());
        CaseFacts facts = facts(p.caseId());
        UUID decisionId = null;
        switch (p.kind()) {
            case "DECISION" -> {
                LocalDate from = LocalDate.parse(p.command().get("from").asText());
                BenefitCommand.Decide c = decideCommand(loaded.state(), facts, UUID.randomUUID(), from,
                        p.command().get("provisional").asBoolean(), null, null, null);
                apply(p.caseId(), loaded, c, facts, md);
                decisionId = c.decisionId();
            }
            case "FINAL" -> {
                UUID old = UUID.fromString(p.command().get("decisionId").asText());
                markDecided(p, "APPROVED", approver);
                return finalise(p.caseId(), old, null, approver, md, false);
            }
            case "AMENDMENT" -> {
                UUID id = UUID.fromString(p.command().get("decisionId").asText());
                YearMonth first = YearMonth.parse(p.command().get("fromMonth").asText());
                BenefitState.Decision d = loaded.state().decisions().get(id);
                apply(p.caseId(), loaded, new BenefitCommand.Amend(id, p.command().get("reason").asText(),
                        months(loaded.state(), facts, first, YearMonth.from(d.to()))), facts, md);
                decisionId = id;
            }
            default -> throw new IllegalStateException("unknown approval kind " + p.kind());
        }
        markDecided(p, "APPROVED", approver);
        return new Outcome(load(p.caseId()), decisionId, null, null);
    }

    @Transactional
    public void reject(UUID approvalId, String approver, java.util.function.Predicate<String> mayAccess) {
        PendingApproval p = pending(approvalId, mayAccess);
        markDecided(p, "REJECTED", approver);
    }

    public record PendingApproval(UUID approvalId, String caseId, String municipality, String kind, String requestedBy,
                                  Instant requestedAt, String reason, ObjectNode command, String status) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PendingApproval> openApprovals(java.util.function.Predicate<String> mayAccess) {
        List<PendingApproval> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select approval_id, case_id, municipality, kind, requested_by, requested_at, reason, command::text, status"
                        + " from pending_approval where status = 'PENDING' order by requested_at limit 500")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PendingApproval p = row(rs);
                    if (mayAccess.test(p.municipality())) {
                        out.add(p);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The stored calculation sheet of a decision's month (the latest version: amendments add versions). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String sheet(String caseId, UUID decisionId, YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select sheet::text from decision_sheet where case_id = ? and decision_id = ? and month = ? order by version desc limit 1")) {
            ps.setString(1, caseId);
            ps.setObject(2, decisionId);
            ps.setString(3, month.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ internals

    private CaseFacts facts(String caseId) {
        CaseFacts facts = factsRepository.load(caseId);
        if (facts == null) {
            throw ProblemException.notFound();
        }
        return facts;
    }

    private void handle(String caseId, Long expectedVersion, BenefitCommand command, CaseFacts facts, EventMetadata md) {
        Loaded<BenefitState> loaded = load(caseId);
        if (expectedVersion != null && expectedVersion != loaded.version()) {
            throw new de.auseinerhand.eventstore.ConcurrencyConflictException(stream(caseId), expectedVersion, loaded.version());
        }
        apply(caseId, loaded, command, facts, md);
    }

    private void apply(String caseId, Loaded<BenefitState> loaded, BenefitCommand command, CaseFacts facts, EventMetadata md) {
        CaseFacts f = facts != null ? facts : factsRepository.load(caseId);
        List<StoredEvent> stored = store.handle(stream(caseId), loaded, null, command, DECIDER, caseId,
                s -> f == null ? null : f.municipalityIn(YearMonth.now(clock)), md);
        List<MonthAmounts> months = command instanceof BenefitCommand.Decide d ? d.months()
                : command instanceof BenefitCommand.Amend a ? a.months() : List.of();
        for (StoredEvent e : stored) {
            if (e.data() instanceof EntitlementDecided d) {
                storeSheets(caseId, d.decisionId(), months, (int) (long) e.envelope().streamversion(), null);
            } else if (e.data() instanceof EntitlementAmended a) {
                storeSheets(caseId, a.decisionId(), months, (int) (long) e.envelope().streamversion(), YearMonth.from(a.effectiveFrom()));
            }
        }
        notices.enqueue(caseId, stored, command instanceof BenefitCommand.ImposeReduction r ? r.hearingOn() : null);
    }

    private void storeSheets(String caseId, UUID decisionId, List<MonthAmounts> months, int version, YearMonth from) {
        ObjectMapper json = SheetJson.mapper();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into decision_sheet (decision_id, month, version, case_id, recorded_at, sheet) values (?,?,?,?,?,?::jsonb)"
                        + " on conflict do nothing")) {
            for (MonthAmounts m : months) {
                if (from != null && m.month().isBefore(from)) {
                    continue;
                }
                ps.setObject(1, decisionId);
                ps.setString(2, m.month().toString());
                ps.setInt(3, version);
                ps.setString(4, caseId);
                ps.setTimestamp(5, Timestamp.from(Instant.now(clock)));
                ps.setString(6, json.writeValueAsString(m.sheet()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("storing calculation sheets failed", e);
        }
    }

    /** Every month of a period, calculated from the facts; 6 months when provisional or housing costs are above the limit. */
    private BenefitCommand.Decide decideCommand(BenefitState s, CaseFacts facts, UUID id, LocalDate from, boolean provisional, LocalDate to,
            UUID replaces, BigDecimal settlement) {
        YearMonth first = YearMonth.from(from);
        List<MonthAmounts> months;
        try {
            MonthAmounts firstMonth = month(s, facts, first);
            int length = provisional || firstMonth.sheet().approvalPeriod().months() == 6 ? 6 : 12;
            LocalDate end = to != null ? to : first.plusMonths(length - 1).atEndOfMonth();
            months = new ArrayList<>();
            months.add(firstMonth);
            months.addAll(months(s, facts, first.plusMonths(1), YearMonth.from(end)));
            return new BenefitCommand.Decide(id, from, end, provisional, replaces, settlement, null, months);
        } catch (InvalidHouseholdException e) {
            throw new CommandRejected("facts-incomplete", e.problems().get(0).field(), e.problems().get(0).message());
        }
    }

    private List<MonthAmounts> months(BenefitState s, CaseFacts facts, YearMonth first, YearMonth last) {
        List<MonthAmounts> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(month(s, facts, m));
        }
        return out;
    }

    private MonthAmounts month(BenefitState s, CaseFacts facts, YearMonth m) {
        CalculationSheet sheet = calculator.calculate(facts.householdIn(m, s.monthsOfReceiptBefore(m),
                s.costReductionMonthsBefore(m, calculator.ruleSets().forMonth(m).housingWaitingPeriodMonths())));
        return MonthAmounts.of(sheet);
    }

    /** A migrated decision that changed facts or new rule data would amend: on the review list (docs/migration.md). */
    private void listForReview(String caseId, UUID decisionId, String cause, YearMonth from) {
        String c = cause.length() > 200 ? cause.substring(0, 200) : cause;
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(
                "insert into migration_review (case_id, decision_id, cause, from_month, listed_at) values (?,?,?,?,?)"
                        + " on conflict (decision_id, cause) do update set from_month = least(migration_review.from_month, excluded.from_month)")) {
            ps.setString(1, caseId);
            ps.setObject(2, decisionId);
            ps.setString(3, c);
            ps.setString(4, from.toString());
            ps.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("listing migrated decision " + decisionId + " for review failed", e);
        }
    }

    /** Why a command needs a second person, or null. */
    private String fourEyesReason(BigDecimal amount, LocalDate from) {
        if (amount.compareTo(fourEyesAmount) > 0) {
            return "amount " + amount + " is above the four-eyes limit " + fourEyesAmount;
        }
        YearMonth limit = YearMonth.now(clock).minusMonths(fourEyesMonthsBack);
        if (YearMonth.from(from).isBefore(limit)) {
            return "reaches back to " + YearMonth.from(from) + ", more than " + fourEyesMonthsBack + " months";
        }
        return null;
    }

    private UUID requestApproval(String caseId, String municipality, String kind, String actor, String reason, ObjectNode command) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into pending_approval (approval_id, case_id, municipality, kind, requested_by, requested_at, reason, command, status)"
                        + " values (?,?,?,?,?,?,?,?::jsonb,'PENDING')")) {
            ps.setObject(1, id);
            ps.setString(2, caseId);
            ps.setString(3, municipality);
            ps.setString(4, kind);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(Instant.now(clock)));
            ps.setString(7, reason);
            ps.setString(8, command.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        announce(caseId, municipality, new de.auseinerhand.events.benefits.ApprovalRequested(id, kind, reason,
                LocalDate.ofInstant(Instant.now(clock), java.time.ZoneId.of("Europe/Berlin"))), actor);
        return id;
    }

    /**
     * Four-eyes requests and their outcome as events (the worklist shows the queue), in the case's own approvals stream so that
     * the benefit stream's version, the clients' If-Match, does not move for them.
     */
    private void announce(String caseId, String municipality, de.auseinerhand.events.EventData data, String actor) {
        String stream = "benefit-approvals-" + caseId;
        store.append(stream, store.currentVersion(stream), List.of(new de.auseinerhand.eventstore.NewEvent(data, caseId, municipality)),
                EventMetadata.system(actor));
    }

    private PendingApproval pending(UUID approvalId, java.util.function.Predicate<String> mayAccess) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select approval_id, case_id, municipality, kind, requested_by, requested_at, reason, command::text, status"
                        + " from pending_approval where approval_id = ? for update")) {
            ps.setObject(1, approvalId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound();
                }
                PendingApproval p = row(rs);
                if (!mayAccess.test(p.municipality())) {
                    throw ProblemException.notFound();
                }
                if (!p.status().equals("PENDING")) {
                    throw new CommandRejected("already-decided", "approvalId", "the request was " + p.status().toLowerCase());
                }
                return p;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void markDecided(PendingApproval p, String status, String approver) {
        markDecided(p.approvalId(), status, approver);
        announce(p.caseId(), p.municipality(), new de.auseinerhand.events.benefits.ApprovalDecided(p.approvalId(), status,
                LocalDate.ofInstant(Instant.now(clock), java.time.ZoneId.of("Europe/Berlin"))), approver);
    }

    private void markDecided(UUID approvalId, String status, String approver) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update pending_approval set status = ?, decided_by = ?, decided_at = ? where approval_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, approver);
            ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
            ps.setObject(4, approvalId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PendingApproval row(ResultSet rs) throws SQLException {
        try {
            return new PendingApproval(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getTimestamp(6).toInstant(), rs.getString(7), (ObjectNode) SheetJson.mapper().readTree(rs.getString(8)),
                    rs.getString(9));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode json() {
        return SheetJson.mapper().createObjectNode();
    }
}
