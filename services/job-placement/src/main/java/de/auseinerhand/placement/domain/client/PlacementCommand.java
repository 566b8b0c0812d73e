package de.auseinerhand.placement.domain.client;

import de.auseinerhand.events.placement.CooperationPlanForm;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.PlacementOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands on the placement file of a case (stream {@code placement-<caseId>}). */
public sealed interface PlacementCommand {

    /** The person the command is about. */
    UUID personId();

    record RecordProfile(MemberFacts member, List<String> qualifications, List<String> occupationsSought,
            Integer experienceYears, List<String> languages, boolean drivingLicence, int mobilityRadiusKm,
            BigDecimal maxHoursPerWeek, List<String> constraints, LocalDate availableFrom) implements PlacementCommand {
        public UUID personId() {
            return member.personId();
        }
    }

    record AgreePlan(MemberFacts member, UUID planId, List<String> goals, List<String> ownEfforts, List<String> steps,
            LocalDate agreedOn, LocalDate reviewBy, CooperationPlanForm form) implements PlacementCommand {
        public AgreePlan(MemberFacts member, UUID planId, List<String> goals, List<String> ownEfforts, List<String> steps,
                LocalDate agreedOn, LocalDate reviewBy) {
            this(member, planId, goals, ownEfforts, steps, agreedOn, reviewBy, CooperationPlanForm.AGREEMENT);
        }

        public UUID personId() {
            return member.personId();
        }
    }

    record UpdatePlan(UUID personId, List<String> goals, List<String> ownEfforts, List<String> steps,
            LocalDate reviewedOn, LocalDate reviewBy, CooperationPlanForm form) implements PlacementCommand {
        public UpdatePlan(UUID personId, List<String> goals, List<String> ownEfforts, List<String> steps, LocalDate reviewedOn,
                LocalDate reviewBy) {
            this(personId, goals, ownEfforts, steps, reviewedOn, reviewBy, CooperationPlanForm.AGREEMENT);
        }
    }

    record StartDispute(UUID personId, LocalDate startedOn, String subject) implements PlacementCommand {
    }

    record EndDispute(UUID personId, LocalDate endedOn, DisputeOutcome outcome) implements PlacementCommand {
    }

    /** {@code offerOpen} and {@code offerTitle} come from the offer's own stream. */
    record Propose(MemberFacts member, UUID offerId, boolean offerOpen, String offerTitle, LocalDate proposedOn,
            BigDecimal score, List<String> reasons) implements PlacementCommand {
        public UUID personId() {
            return member.personId();
        }
    }

    /**
     * {@code withoutImportantReason}: the case worker found no important reason for declining a
     * reasonable offer (§ 10, § 31(1) Nr. 2 SGB II); this records a breach of duty.
     */
    record RecordOutcome(UUID personId, UUID offerId, PlacementOutcome outcome, LocalDate occurredOn, String reason,
            boolean withoutImportantReason) implements PlacementCommand {
    }

    /**
     * Assignment to a catalogue measure (Zuweisung, §§ 16 ff SGB II) before it starts. {@code elsewhere}: the
     * person's measures recorded in other cases (a person keeps their id when they move to another case), so
     * limits such as § 16d(6) count the whole history. {@code caseworkerId}: who assigns (pseudonymous).
     */
    record AssignMeasure(MemberFacts member, UUID measureId, MeasureType type, String provider, LocalDate assignedOn,
            LocalDate plannedStart, LocalDate plannedEnd, BigDecimal plannedCosts, String caseworkerId,
            List<PriorMeasure> elsewhere) implements PlacementCommand {
        public UUID personId() {
            return member.personId();
        }
    }

    /** The start of an assigned measure; {@code costs} null keeps the planned costs. */
    record StartMeasure(MemberFacts member, UUID measureId, LocalDate start, BigDecimal costs) implements PlacementCommand {
        public UUID personId() {
            return member.personId();
        }
    }

    /**
     * Assignment and start in one decision (the original single-step API: the measure starts on the day it
     * is assigned or later); yields {@code measure-assigned} followed by {@code measure-started}.
     */
    record AssignAndStartMeasure(AssignMeasure assignment, LocalDate start, BigDecimal costs) implements PlacementCommand {
        public UUID personId() {
            return assignment.personId();
        }
    }

    /** Withdraws an assignment before the measure started. */
    record WithdrawAssignment(UUID personId, UUID measureId, LocalDate withdrawnOn, WithdrawalReason reason, String remark)
            implements PlacementCommand {
    }

    /** A measure of the person from another case's file; {@code lastDay} is its end or planned end (null: open). */
    record PriorMeasure(String legalBasis, LocalDate start, LocalDate lastDay) {
    }

    /** {@code withoutImportantReason} with a broken-off measure records a breach of duty (§ 31(1) Nr. 3 SGB II). */
    record EndMeasure(UUID personId, UUID measureId, LocalDate end, MeasureResult result, String remark,
            boolean withoutImportantReason) implements PlacementCommand {
    }

    record RecordIntegration(MemberFacts member, IntegrationKind kind, LocalDate startDate, UUID employerId,
            BigDecimal hoursPerWeek, BigDecimal monthlyWage, String subsidy) implements PlacementCommand {
        public UUID personId() {
            return member.personId();
        }
    }

    record EndEmployment(UUID personId, LocalDate endDate, String reason) implements PlacementCommand {
    }

    /** How a § 15a dispute procedure ended. */
    enum DisputeOutcome {
        AGREED, PLAN_CHANGED, NO_AGREEMENT
    }

    /**
     * Why an assignment was withdrawn before the measure started. {@code NOT_STARTED_BY_CLIENT} records the
     * fact only: a breach of duty for not starting (§ 31(1) Nr. 3 SGB II) has no {@code BreachKind} yet.
     */
    enum WithdrawalReason {
        PLAN_CHANGED, PROVIDER_CANCELLED, IMPORTANT_REASON_OF_CLIENT, NOT_STARTED_BY_CLIENT, TOOK_UP_WORK
    }

    /** How a measure ended. */
    enum MeasureResult {
        COMPLETED, BROKEN_OFF, CANCELLED_BY_PROVIDER, ENDED_FOR_EMPLOYMENT
    }
}
