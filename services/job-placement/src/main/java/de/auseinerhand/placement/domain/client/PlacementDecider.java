package de.auseinerhand.placement.domain.client;

import static de.auseinerhand.placement.domain.Rules.notBefore;
import static de.auseinerhand.placement.domain.Rules.plausible;
import static de.auseinerhand.placement.domain.Rules.reject;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.CooperationPlanForm;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.eventstore.Decider;
import de.auseinerhand.placement.domain.Rules;
import de.auseinerhand.placement.domain.WageRules;
import de.auseinerhand.placement.domain.client.PlacementCommand.AgreePlan;
import de.auseinerhand.placement.domain.client.PlacementCommand.AssignAndStartMeasure;
import de.auseinerhand.placement.domain.client.PlacementCommand.AssignMeasure;
import de.auseinerhand.placement.domain.client.PlacementCommand.EndDispute;
import de.auseinerhand.placement.domain.client.PlacementCommand.EndEmployment;
import de.auseinerhand.placement.domain.client.PlacementCommand.EndMeasure;
import de.auseinerhand.placement.domain.client.PlacementCommand.MeasureResult;
import de.auseinerhand.placement.domain.client.PlacementCommand.Propose;
import de.auseinerhand.placement.domain.client.PlacementCommand.RecordIntegration;
import de.auseinerhand.placement.domain.client.PlacementCommand.RecordOutcome;
import de.auseinerhand.placement.domain.client.PlacementCommand.RecordProfile;
import de.auseinerhand.placement.domain.client.PlacementCommand.StartDispute;
import de.auseinerhand.placement.domain.client.PlacementCommand.StartMeasure;
import de.auseinerhand.placement.domain.client.PlacementCommand.UpdatePlan;
import de.auseinerhand.placement.domain.client.PlacementCommand.WithdrawAssignment;
import de.auseinerhand.placement.domain.client.PlacementState.ClientFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The placement rules of a case: profiles, cooperation plans with their dispute procedure, proposals
 * and their outcomes, measures, integrations. Pure: no framework, no clock; facts from other streams
 * (registry membership, offer status, catalogue entries) arrive inside the command.
 */
public final class PlacementDecider implements Decider<PlacementCommand, PlacementState> {

    /**
     * § 15a SGB II (dispute procedure about the cooperation plan) was removed by the 13th amending act
     * ("Neue Grundsicherung") from 2026-07-01 (docs/benefit-rules.md); disputes started before remain.
     */
    static final LocalDate DISPUTE_PROCEDURE_REPEALED = LocalDate.of(2026, 7, 1);


    /** Review of a cooperation plan at the latest after six months (§ 15(3) SGB II). */
    static final int PLAN_REVIEW_MONTHS = 6;
    /** The dispute procedure lasts up to four weeks (§ 15a SGB II). */
    static final int DISPUTE_MAX_DAYS = 28;
    static final int MAX_RADIUS_KM = 200;
    static final int MAX_OCCUPATIONS = 10;

    @Override
    public PlacementState initialState() {
        return PlacementState.NONE;
    }

    @Override
    public List<EventData> decide(PlacementCommand command, PlacementState s) {
        ClientFile f = s.client(command.personId());
        if (command instanceof RecordProfile c) {
            return profile(c);
        }
        if (command instanceof AgreePlan c) {
            return agree(c, f);
        }
        if (command instanceof UpdatePlan c) {
            return update(c, f);
        }
        if (command instanceof StartDispute c) {
            PlacementState.Plan plan = plan(f);
            if (!c.startedOn().isBefore(DISPUTE_PROCEDURE_REPEALED)) {
                throw reject("dispute-procedure-repealed", "startedOn", "the dispute procedure of § 15a SGB II was removed by the 13th amending "
                        + "act from " + DISPUTE_PROCEDURE_REPEALED + "; a plan not agreed is set by administrative act");
            }
            if (plan.disputeRunning()) {
                throw reject("dispute-running", null, "a dispute procedure runs since " + plan.disputeStartedOn());
            }
            plausible(c.startedOn(), "startedOn");
            notBefore(c.startedOn(), plan.agreedOn(), "startedOn", "a dispute cannot start before the plan was agreed");
            return List.of(new CooperationPlanDisputeStarted(plan.planId(), f.personId(), c.startedOn(), c.subject()));
        }
        if (command instanceof EndDispute c) {
            PlacementState.Plan plan = plan(f);
            if (!plan.disputeRunning()) {
                throw reject("no-dispute", null, "no dispute procedure runs");
            }
            plausible(c.endedOn(), "endedOn");
            notBefore(c.endedOn(), plan.disputeStartedOn(), "endedOn", "a dispute cannot end before it started");
            if (ChronoUnit.DAYS.between(plan.disputeStartedOn(), c.endedOn()) > DISPUTE_MAX_DAYS) {
                throw reject("dispute-too-long", "endedOn", "the dispute procedure lasts at most four weeks (§ 15a SGB II): "
                        + "it ended on " + plan.disputeStartedOn().plusDays(DISPUTE_MAX_DAYS) + " at the latest");
            }
            return List.of(new CooperationPlanDisputeEnded(plan.planId(), f.personId(), c.endedOn(), c.outcome().name()));
        }
        if (command instanceof Propose c) {
            return propose(c, f);
        }
        if (command instanceof RecordOutcome c) {
            return outcome(c, f);
        }
        if (command instanceof AssignMeasure c) {
            return List.of(assign(c, f));
        }
        if (command instanceof StartMeasure c) {
            return List.of(start(c, f));
        }
        if (command instanceof AssignAndStartMeasure c) {
            return assignAndStart(c, f);
        }
        if (command instanceof WithdrawAssignment c) {
            return List.of(withdraw(c, f));
        }
        if (command instanceof EndMeasure c) {
            return endMeasure(c, f);
        }
        if (command instanceof RecordIntegration c) {
            return integration(c, f);
        }
        if (command instanceof EndEmployment c) {
            PlacementState.Employment current = f.currentEmployment();
            if (current == null) {
                throw reject("no-employment", "personId", "no recorded employment is running");
            }
            plausible(c.endDate(), "endDate");
            notBefore(c.endDate(), current.startDate(), "endDate", "an employment cannot end before it started");
            return List.of(new EmploymentEnded(f.personId(), c.endDate(), c.reason()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Placement services are for employable beneficiaries (§§ 7(1), 8 SGB II) who are members of the case. */
    private static void employableMember(MemberFacts m) {
        if (!m.currentMember()) {
            throw reject("not-a-member", "personId", "the person is not a current member of the case");
        }
        if (!m.employable()) {
            throw reject("not-employable", "personId", "placement is for employable members only (§ 8 SGB II)");
        }
    }

    private static List<EventData> profile(RecordProfile c) {
        employableMember(c.member());
        List<String> occupations = Rules.copy(c.occupationsSought());
        if (occupations.isEmpty() || occupations.size() > MAX_OCCUPATIONS) {
            throw reject("occupations-sought", "occupationsSought", "between 1 and " + MAX_OCCUPATIONS + " occupations");
        }
        Rules.occupations(occupations, "occupationsSought");
        if (c.mobilityRadiusKm() < 0 || c.mobilityRadiusKm() > MAX_RADIUS_KM) {
            throw reject("radius-out-of-range", "mobilityRadiusKm", "between 0 and " + MAX_RADIUS_KM + " km");
        }
        if (c.maxHoursPerWeek() != null && (c.maxHoursPerWeek().signum() <= 0
                || c.maxHoursPerWeek().compareTo(BigDecimal.valueOf(Rules.MAX_HOURS_PER_WEEK)) > 0)) {
            throw reject("hours-out-of-range", "maxHoursPerWeek", "between more than 0 and 48 hours a week");
        }
        if (c.experienceYears() != null && (c.experienceYears() < 0 || c.experienceYears() > 60)) {
            throw reject("experience-out-of-range", "experienceYears", "between 0 and 60 years");
        }
        for (String language : Rules.copy(c.languages())) {
            if (!language.matches("[a-z]{2}")) {
                throw reject("invalid-language", "languages", language + " is not an ISO 639-1 code such as de");
            }
        }
        if (c.availableFrom() != null) {
            plausible(c.availableFrom(), "availableFrom");
        }
        return List.of(new ClientProfileRecorded(c.personId(), Rules.copy(c.qualifications()), occupations,
                c.mobilityRadiusKm(), Rules.copy(c.constraints()), Rules.copy(c.languages()), c.drivingLicence(),
                c.experienceYears(), c.maxHoursPerWeek(), c.availableFrom()));
    }

    /** A cooperation plan names goals and steps and is reviewed within six months (§ 15(2), (3) SGB II). */
    private static void planContent(List<String> goals, List<String> steps, LocalDate from, LocalDate reviewBy,
            String fromField) {
        if (goals == null || goals.isEmpty()) {
            throw reject("goals-missing", "goals", "a cooperation plan names at least one goal (§ 15(2) SGB II)");
        }
        if (steps == null || steps.isEmpty()) {
            throw reject("steps-missing", "steps", "a cooperation plan names at least one step (§ 15(2) SGB II)");
        }
        plausible(from, fromField);
        plausible(reviewBy, "reviewBy");
        if (!reviewBy.isAfter(from)) {
            throw reject("review-in-past", "reviewBy", "the review date lies after " + from);
        }
        if (reviewBy.isAfter(from.plusMonths(PLAN_REVIEW_MONTHS))) {
            throw reject("review-too-late", "reviewBy", "the plan is reviewed at the latest six months after " + from
                    + ", i.e. by " + from.plusMonths(PLAN_REVIEW_MONTHS) + " (§ 15(3) SGB II)");
        }
    }

    private static List<EventData> agree(AgreePlan c, ClientFile f) {
        employableMember(c.member());
        if (f.plan() != null) {
            throw reject("plan-exists", "planId", "the person has a cooperation plan; update it after a review");
        }
        planContent(c.goals(), c.steps(), c.agreedOn(), c.reviewBy(), "agreedOn");
        CooperationPlanForm form = form(c.form(), c.agreedOn());
        return List.of(new CooperationPlanAgreed(c.planId(), c.personId(), List.copyOf(c.goals()), List.copyOf(c.steps()),
                c.reviewBy(), Rules.copy(c.ownEfforts()), c.agreedOn(), null, form == CooperationPlanForm.AGREEMENT ? null : form));
    }

    private static List<EventData> update(UpdatePlan c, ClientFile f) {
        PlacementState.Plan plan = plan(f);
        planContent(c.goals(), c.steps(), c.reviewedOn(), c.reviewBy(), "reviewedOn");
        LocalDate last = plan.lastReviewedOn() == null ? plan.agreedOn() : plan.lastReviewedOn();
        notBefore(c.reviewedOn(), last, "reviewedOn", "the review cannot lie before " + last);
        CooperationPlanForm form = form(c.form(), c.reviewedOn());
        return List.of(new CooperationPlanUpdated(plan.planId(), c.personId(), List.copyOf(c.goals()),
                List.copyOf(c.steps()), c.reviewBy(), Rules.copy(c.ownEfforts()), c.reviewedOn(), null,
                form == CooperationPlanForm.AGREEMENT ? null : form));
    }

    /**
     * A plan set by administrative act exists from 2026-07-01 (13th amending act: when no agreement is reached, the agency
     * sets the plan; the § 15a dispute procedure is gone). Before, § 15 knew only the agreement.
     */
    private static CooperationPlanForm form(CooperationPlanForm requested, LocalDate on) {
        CooperationPlanForm form = requested == null ? CooperationPlanForm.AGREEMENT : requested;
        if (form == CooperationPlanForm.ADMINISTRATIVE_ACT && on != null && on.isBefore(DISPUTE_PROCEDURE_REPEALED)) {
            throw reject("administrative-act-not-in-force", "form", "a cooperation plan can be set by administrative act from "
                    + DISPUTE_PROCEDURE_REPEALED + " (13th amending act); before, it is agreed (§ 15 SGB II) or disputed (§ 15a)");
        }
        return form;
    }

    private static PlacementState.Plan plan(ClientFile f) {
        if (f.plan() == null) {
            throw reject("no-plan", "personId", "the person has no cooperation plan");
        }
        return f.plan();
    }

    private static List<EventData> propose(Propose c, ClientFile f) {
        employableMember(c.member());
        if (!c.offerOpen()) {
            throw reject("offer-closed", "offerId", "only open offers can be proposed");
        }
        PlacementState.Proposal existing = f.proposals().get(c.offerId());
        if (existing != null) {
            throw reject("already-proposed", "offerId", "the offer was proposed to this person already");
        }
        if (c.score() == null || c.score().signum() < 0 || c.score().compareTo(BigDecimal.ONE) > 0) {
            throw reject("score-out-of-range", "score", "between 0 and 1");
        }
        return List.of(new PlacementProposed(c.personId(), c.offerId(), c.score(), Rules.copy(c.reasons())));
    }

    /** Outcomes move forward only: proposed, applied, interview, then hired or rejected; the client may decline until then. */
    private static int stage(PlacementOutcome o) {
        if (o == null) {
            return 0;
        }
        switch (o) {
            case APPLIED:
                return 1;
            case INTERVIEW:
                return 2;
            default:
                return 3;
        }
    }

    private static List<EventData> outcome(RecordOutcome c, ClientFile f) {
        PlacementState.Proposal p = f.proposals().get(c.offerId());
        if (p == null) {
            throw reject("no-proposal", "offerId", "the offer was not proposed to this person");
        }
        if (p.isFinal()) {
            throw reject("proposal-closed", "outcome", "the proposal ended with " + p.outcome() + " already");
        }
        if (stage(c.outcome()) <= stage(p.outcome()) && c.outcome() != PlacementOutcome.DECLINED_BY_CLIENT) {
            throw reject("outcome-out-of-order", "outcome", c.outcome() + " cannot follow " + p.outcome());
        }
        plausible(c.occurredOn(), "occurredOn");
        boolean needsReason = c.outcome() == PlacementOutcome.REJECTED_BY_EMPLOYER
                || c.outcome() == PlacementOutcome.DECLINED_BY_CLIENT;
        if (needsReason && (c.reason() == null || c.reason().isBlank())) {
            throw reject("reason-missing", "reason", "a rejection or refusal names its reason");
        }
        if (c.withoutImportantReason() && c.outcome() != PlacementOutcome.DECLINED_BY_CLIENT) {
            throw reject("breach-needs-refusal", "withoutImportantReason", "only a refusal by the client can be a breach of duty");
        }
        List<EventData> events = new ArrayList<>();
        events.add(new PlacementOutcomeRecorded(c.personId(), c.offerId(), c.outcome(), c.occurredOn(), c.reason()));
        if (c.withoutImportantReason()) {
            events.add(new BreachOfDutyRecorded(breachId(c.personId(), c.offerId(), BreachKind.REFUSED_REASONABLE_OFFER),
                    c.personId(), BreachKind.REFUSED_REASONABLE_OFFER, c.occurredOn(),
                    "reasonable offer " + c.offerId() + " (proposed with score " + p.score() + ") declined on "
                            + c.occurredOn() + "; reason given: " + c.reason()
                            + "; no important reason found (§ 31(1) Nr. 2 SGB II)",
                    c.offerId(), null));
        }
        return events;
    }

    /** Deterministic, so a replayed decision yields the same breach id. */
    static UUID breachId(UUID personId, UUID subject, BreachKind kind) {
        return UUID.nameUUIDFromBytes((personId + "/" + subject + "/" + kind).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Assignment to a catalogue measure (Zuweisung, §§ 16 ff SGB II, here § 16(1) SGB II with §§ 44 ff SGB III,
     * §§ 16a-16k SGB II). Everything the catalogue demands of the planned period is checked now, before the
     * person is bound to it: a provider, a planned end where the legal basis assigns for a fixed time, the
     * longest single assignment, no overlap with another measure of the same legal basis, and a limit such as
     * § 16d(6) SGB II (24 months in five years). Starting inside the assigned period cannot break them.
     */
    private static MeasureAssigned assign(AssignMeasure c, ClientFile f) {
        employableMember(c.member());
        MeasureType t = c.type();
        if (c.measureId() == null || f.measures().containsKey(c.measureId())) {
            throw reject("measure-exists", "measureId", "the measure exists already");
        }
        if (c.provider() == null || c.provider().isBlank()) {
            throw reject("provider-missing", "provider", "a measure names its provider");
        }
        plausible(c.assignedOn(), "assignedOn");
        plausible(c.plannedStart(), "plannedStart");
        notBefore(c.plannedStart(), c.assignedOn(), "plannedStart", "a measure starts at the earliest on the day it is assigned");
        if (c.plannedEnd() == null && (t.requiresPlannedEnd() || t.limit() != null || t.maxDurationMonths() != null)) {
            throw reject("planned-end-missing", "plannedEnd", t.legalBasis() + " measures are assigned for a fixed time");
        }
        if (c.plannedEnd() != null) {
            plausible(c.plannedEnd(), "plannedEnd");
            notBefore(c.plannedEnd(), c.plannedStart(), "plannedEnd", "the planned end lies before the start");
        }
        if (c.plannedCosts() != null && c.plannedCosts().signum() < 0) {
            throw reject("negative-costs", "plannedCosts", "costs are not negative");
        }
        if (c.caseworkerId() == null || c.caseworkerId().isBlank()) {
            throw reject("caseworker-missing", "caseworkerId", "an assignment names the case worker who made it");
        }
        if (t.maxDurationMonths() != null
                && c.plannedEnd().isAfter(c.plannedStart().plusMonths(t.maxDurationMonths()).minusDays(1))) {
            throw reject("measure-too-long", "plannedEnd", t.legalBasis() + " allows at most " + t.maxDurationMonths()
                    + " months per assignment");
        }
        List<PlacementCommand.PriorMeasure> history = history(c, f);
        for (PlacementCommand.PriorMeasure m : history) {
            if (m.legalBasis().equals(t.legalBasis()) && overlaps(m.start(), m.lastDay(), c.plannedStart(), c.plannedEnd())) {
                throw reject("measure-overlaps", "plannedStart", "another " + t.legalBasis()
                        + " measure is assigned or runs in this time");
            }
        }
        if (t.limit() != null) {
            checkLimit(t, c.plannedStart(), c.plannedEnd(), history);
        }
        return new MeasureAssigned(c.measureId(), c.personId(), t.id(), t.legalBasis(), t.category(), c.provider().trim(),
                c.assignedOn(), c.plannedStart(), c.plannedEnd(), c.plannedCosts(), c.caseworkerId());
    }

    /**
     * A measure starts only on an open assignment (§§ 16 ff SGB II: the person takes part in the measure they
     * were assigned to), inside the assigned period, so the checks of the assignment hold for what runs. Starts
     * without assignment exist in streams written before assignments were recorded and are still folded.
     */
    private static MeasureStarted start(StartMeasure c, ClientFile f) {
        employableMember(c.member());
        PlacementState.Measure m = f.measures().get(c.measureId());
        if (m == null) {
            throw reject("assignment-missing", "measureId", "a measure starts on an assignment; assign it first");
        }
        if (m.status() == PlacementState.MeasureStatus.WITHDRAWN) {
            throw reject("assignment-withdrawn", "measureId", "the assignment was withdrawn on " + m.withdrawnOn());
        }
        if (m.status() != PlacementState.MeasureStatus.ASSIGNED) {
            throw reject("measure-started", "measureId", "the measure started on " + m.start() + " already");
        }
        plausible(c.start(), "start");
        notBefore(c.start(), m.assignment().plannedStart(), "start", "the measure is assigned from "
                + m.assignment().plannedStart() + "; an earlier start needs a new assignment");
        if (m.plannedEnd() != null && c.start().isAfter(m.plannedEnd())) {
            throw reject("start-after-planned-end", "start", "the measure is assigned until " + m.plannedEnd());
        }
        if (c.costs() != null && c.costs().signum() < 0) {
            throw reject("negative-costs", "costs", "costs are not negative");
        }
        BigDecimal costs = c.costs() != null ? c.costs() : m.assignment().plannedCosts();
        return new MeasureStarted(m.measureId(), c.personId(), m.legalBasis(), m.category(), m.provider(), c.start(),
                m.plannedEnd(), m.catalogueId(), costs);
    }

    private List<EventData> assignAndStart(AssignAndStartMeasure c, ClientFile f) {
        MeasureAssigned assigned = assign(c.assignment(), f);
        ClientFile after = evolve(PlacementState.NONE.with(f), assigned).client(f.personId());
        return List.of(assigned, start(new StartMeasure(c.assignment().member(), assigned.measureId(), c.start(), c.costs()), after));
    }

    /**
     * An assignment can be withdrawn until the measure starts. Not starting an assigned reasonable measure
     * without an important reason is a breach of duty (§ 31(1) Nr. 3 SGB II); {@code NOT_STARTED_BY_CLIENT}
     * records the fact, but no {@code breach-of-duty-recorded} follows: {@code BreachKind} knows only the
     * break-off of a running measure (see services/job-placement/README.md, "Not done yet").
     */
    private static MeasureAssignmentWithdrawn withdraw(WithdrawAssignment c, ClientFile f) {
        PlacementState.Measure m = f.measures().get(c.measureId());
        if (m == null) {
            throw reject("measure-unknown", "measureId", "no such measure of this person");
        }
        if (m.status() != PlacementState.MeasureStatus.ASSIGNED) {
            throw reject(m.status() == PlacementState.MeasureStatus.WITHDRAWN ? "assignment-withdrawn" : "measure-started",
                    "measureId", m.status() == PlacementState.MeasureStatus.WITHDRAWN
                            ? "the assignment was withdrawn on " + m.withdrawnOn() + " already"
                            : "the measure started on " + m.start() + "; end it instead");
        }
        if (c.reason() == null) {
            throw reject("reason-missing", "reason", "a withdrawal names its reason");
        }
        plausible(c.withdrawnOn(), "withdrawnOn");
        notBefore(c.withdrawnOn(), m.assignment().assignedOn(), "withdrawnOn", "an assignment cannot be withdrawn before it was made");
        String remark = c.remark() == null || c.remark().isBlank() ? null : c.remark().trim();
        return new MeasureAssignmentWithdrawn(m.measureId(), c.personId(), m.legalBasis(), m.category(), c.withdrawnOn(),
                c.reason().name(), remark);
    }

    /**
     * Work opportunities: at most 24 months within five years (§ 16d(6) SGB II), as the catalogue's limit
     * says; assigned (not yet started) measures count with their planned period. The five-year window
     * ending on the new planned end holds the most assigned days of any window containing the new
     * assignment, so checking that one window suffices.
     */
    private static void checkLimit(MeasureType t, LocalDate from, LocalDate plannedEnd, List<PlacementCommand.PriorMeasure> history) {
        LocalDate windowEnd = plannedEnd;
        LocalDate windowStart = windowEnd.minusYears(t.limit().withinYears()).plusDays(1);
        long days = days(from, plannedEnd, windowStart, windowEnd);
        for (PlacementCommand.PriorMeasure m : history) {
            if (m.legalBasis().equals(t.legalBasis())) {
                days += days(m.start(), m.lastDay() == null ? windowEnd : m.lastDay(), windowStart, windowEnd);
            }
        }
        if (days > t.limit().maxDays()) {
            throw reject("assignment-limit-exceeded", "plannedEnd", t.legalBasis() + " allows at most "
                    + t.limit().maxMonths() + " months (" + t.limit().maxDays() + " days) within "
                    + t.limit().withinYears() + " years; this assignment would make " + days + " days between "
                    + windowStart + " and " + windowEnd);
        }
    }

    /**
     * The person's measures in this case (assigned, running or ended; not withdrawn assignments) and, as the
     * command brings them, in other cases.
     */
    private static List<PlacementCommand.PriorMeasure> history(AssignMeasure c, ClientFile f) {
        List<PlacementCommand.PriorMeasure> all = new ArrayList<>();
        for (PlacementState.Measure m : f.measures().values()) {
            if (m.occupies()) {
                all.add(new PlacementCommand.PriorMeasure(m.legalBasis(), m.firstDay(), m.lastDay()));
            }
        }
        if (c.elsewhere() != null) {
            all.addAll(c.elsewhere());
        }
        return all;
    }

    /** Days of [from, to] inside [windowStart, windowEnd], both inclusive. */
    static long days(LocalDate from, LocalDate to, LocalDate windowStart, LocalDate windowEnd) {
        LocalDate a = from.isAfter(windowStart) ? from : windowStart;
        LocalDate b = to.isBefore(windowEnd) ? to : windowEnd;
        return b.isBefore(a) ? 0 : ChronoUnit.DAYS.between(a, b) + 1;
    }

    private static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        boolean aEndsBeforeB = aTo != null && aTo.isBefore(bFrom);
        boolean bEndsBeforeA = bTo != null && bTo.isBefore(aFrom);
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static List<EventData> endMeasure(EndMeasure c, ClientFile f) {
        PlacementState.Measure m = f.measures().get(c.measureId());
        if (m == null) {
            throw reject("measure-unknown", "measureId", "no such measure of this person");
        }
        if (m.status() == PlacementState.MeasureStatus.ASSIGNED || m.status() == PlacementState.MeasureStatus.WITHDRAWN) {
            throw reject("measure-not-started", "measureId", "the measure is assigned but has not started; "
                    + "withdraw the assignment instead");
        }
        if (!m.running()) {
            throw reject("measure-ended", "measureId", "the measure ended on " + m.end() + " already");
        }
        plausible(c.end(), "end");
        notBefore(c.end(), m.start(), "end", "a measure cannot end before it started");
        if (c.withoutImportantReason() && c.result() != MeasureResult.BROKEN_OFF) {
            throw reject("breach-needs-break-off", "withoutImportantReason", "only a broken-off measure can be a breach of duty");
        }
        List<EventData> events = new ArrayList<>();
        events.add(new MeasureEnded(m.measureId(), c.personId(), m.legalBasis(), m.category(), c.end(), c.result().name()));
        if (c.withoutImportantReason()) {
            events.add(new BreachOfDutyRecorded(breachId(c.personId(), m.measureId(), BreachKind.BROKE_OFF_MEASURE),
                    c.personId(), BreachKind.BROKE_OFF_MEASURE, c.end(),
                    "measure " + m.catalogueId() + " (" + m.legalBasis() + ") at " + m.provider() + ", started " + m.start()
                            + ", broken off on " + c.end() + (c.remark() == null ? "" : "; " + c.remark())
                            + "; no important reason found (§ 31(1) Nr. 3 SGB II)",
                    null, m.measureId()));
        }
        return events;
    }

    private static List<EventData> integration(RecordIntegration c, ClientFile f) {
        employableMember(c.member());
        PlacementState.Employment current = f.currentEmployment();
        if (current != null) {
            throw reject("employment-running", "personId", "an employment since " + current.startDate()
                    + " is recorded; record its end first");
        }
        plausible(c.startDate(), "startDate");
        if (c.employerId() == null && c.kind() != IntegrationKind.SELF_EMPLOYMENT) {
            throw reject("employer-missing", "employerId", "only self-employment has no employer");
        }
        if (c.hoursPerWeek() == null || c.hoursPerWeek().signum() <= 0
                || c.hoursPerWeek().compareTo(BigDecimal.valueOf(Rules.MAX_HOURS_PER_WEEK)) > 0) {
            throw reject("hours-out-of-range", "hoursPerWeek", "between more than 0 and 48 hours a week");
        }
        if (c.monthlyWage() != null && c.monthlyWage().signum() < 0) {
            throw reject("negative-wage", "monthlyWage", "a wage is not negative");
        }
        BigDecimal limit = WageRules.minijobLimit(c.startDate());
        if (c.kind() == IntegrationKind.MINIJOB) {
            if (c.monthlyWage() == null) {
                throw reject("wage-missing", "monthlyWage", "a minijob is defined by its monthly wage");
            }
            if (limit != null && c.monthlyWage().compareTo(limit) > 0) {
                throw reject("above-minijob-limit", "monthlyWage", "above the marginal-employment limit of " + limit
                        + " EUR a month (§ 8(1a) SGB IV): record it as EMPLOYMENT_SV");
            }
        }
        if (c.kind() == IntegrationKind.EMPLOYMENT_SV && c.monthlyWage() != null && limit != null
                && c.monthlyWage().compareTo(limit) <= 0) {
            throw reject("within-minijob-limit", "monthlyWage", "a wage up to " + limit
                    + " EUR a month is marginal employment (§ 8(1a) SGB IV): record it as MINIJOB");
        }
        if (c.kind() == IntegrationKind.SUBSIDISED && (c.subsidy() == null || c.subsidy().isBlank())) {
            throw reject("subsidy-missing", "subsidy", "subsidised employment names its legal basis, e.g. § 16i SGB II");
        }
        return List.of(new IntegrationRecorded(c.personId(), c.kind(), c.startDate(), c.employerId(), c.hoursPerWeek(),
                c.subsidy(), c.monthlyWage()));
    }

    private static CooperationPlanForm formOf(CooperationPlanForm recorded) {
        return recorded == null ? CooperationPlanForm.AGREEMENT : recorded;
    }

    @Override
    public PlacementState evolve(PlacementState s, EventData event) {
        if (event instanceof ClientProfileRecorded e) {
            return s.with(s.client(e.personId()).withProfile(new PlacementState.Profile(Rules.copy(e.qualifications()),
                    Rules.copy(e.occupationsSought()), e.experienceYears(), Rules.copy(e.languages()),
                    Boolean.TRUE.equals(e.drivingLicence()), e.mobilityRadiusKm(), e.maxHoursPerWeek(),
                    Rules.copy(e.constraints()), e.availableFrom())));
        }
        if (event instanceof CooperationPlanAgreed e) {
            return s.with(s.client(e.personId()).withPlan(new PlacementState.Plan(e.planId(), e.goals(),
                    Rules.copy(e.ownEfforts()), e.steps(), e.agreedOn(), null, e.reviewBy(), null, null, formOf(e.form()))));
        }
        if (event instanceof CooperationPlanUpdated e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Plan p = f.plan();
            return s.with(f.withPlan(new PlacementState.Plan(p.planId(), e.goals(), Rules.copy(e.ownEfforts()), e.steps(),
                    p.agreedOn(), e.reviewedOn(), e.reviewBy(), p.disputeStartedOn(), p.disputeSubject(), formOf(e.form()))));
        }
        if (event instanceof CooperationPlanDisputeStarted e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Plan p = f.plan();
            return s.with(f.withPlan(new PlacementState.Plan(p.planId(), p.goals(), p.ownEfforts(), p.steps(),
                    p.agreedOn(), p.lastReviewedOn(), p.reviewBy(), e.startedOn(), e.subject(), p.form())));
        }
        if (event instanceof CooperationPlanDisputeEnded e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Plan p = f.plan();
            return s.with(f.withPlan(new PlacementState.Plan(p.planId(), p.goals(), p.ownEfforts(), p.steps(),
                    p.agreedOn(), p.lastReviewedOn(), p.reviewBy(), null, null, p.form())));
        }
        if (event instanceof PlacementProposed e) {
            return s.with(s.client(e.personId()).withProposal(
                    new PlacementState.Proposal(e.offerId(), e.score(), Rules.copy(e.reasons()), null, null, null)));
        }
        if (event instanceof PlacementOutcomeRecorded e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Proposal p = f.proposals().get(e.offerId());
            return s.with(f.withProposal(new PlacementState.Proposal(e.offerId(), p == null ? null : p.score(),
                    p == null ? List.of() : p.reasons(), e.outcome(), e.occurredOn(), e.reason())));
        }
        if (event instanceof BreachOfDutyRecorded e) {
            return s.with(s.client(e.personId()).withBreach(new PlacementState.Breach(e.breachId(), e.kind(),
                    e.occurredOn(), e.facts(), e.offerId(), e.measureId())));
        }
        if (event instanceof MeasureAssigned e) {
            return s.with(s.client(e.personId()).withMeasure(new PlacementState.Measure(e.measureId(), e.catalogueId(),
                    e.legalBasis(), e.category(), e.provider(), new PlacementState.Assignment(e.assignedOn(), e.plannedStart(),
                    e.plannedCosts(), e.caseworkerId()), null, e.plannedEnd(), null, null, null, null, null, null)));
        }
        if (event instanceof MeasureAssignmentWithdrawn e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Measure m = f.measures().get(e.measureId());
            return m == null ? s : s.with(f.withMeasure(m.withdrawn(e.withdrawnOn(), e.reason(), e.remark())));
        }
        if (event instanceof MeasureStarted e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Measure assigned = f.measures().get(e.measureId());
            if (assigned != null) {
                return s.with(f.withMeasure(assigned.started(e.start(), e.costs())));
            }
            // written before assignments were recorded: the start alone
            return s.with(f.withMeasure(new PlacementState.Measure(e.measureId(), e.catalogueId(), e.legalBasis(),
                    e.category(), e.provider(), null, e.start(), e.plannedEnd(), e.costs(), null, null, null, null, null)));
        }
        if (event instanceof MeasureEnded e) {
            ClientFile f = s.client(e.personId());
            PlacementState.Measure m = f.measures().get(e.measureId());
            return s.with(f.withMeasure(m.ended(e.end(), e.outcome())));
        }
        if (event instanceof IntegrationRecorded e) {
            ClientFile f = s.client(e.personId());
            List<PlacementState.Employment> list = new ArrayList<>(f.employments());
            list.add(new PlacementState.Employment(e.kind(), e.startDate(), e.employerId(), e.hoursPerWeek(),
                    e.monthlyWage(), e.subsidy(), null, null));
            return s.with(f.withEmployments(list));
        }
        if (event instanceof EmploymentEnded e) {
            ClientFile f = s.client(e.personId());
            List<PlacementState.Employment> list = new ArrayList<>();
            for (PlacementState.Employment m : f.employments()) {
                list.add(m.current() ? new PlacementState.Employment(m.kind(), m.startDate(), m.employerId(),
                        m.hoursPerWeek(), m.monthlyWage(), m.subsidy(), e.endDate(), e.reason()) : m);
            }
            return s.with(f.withEmployments(list));
        }
        return s;
    }
}
