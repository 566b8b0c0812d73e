package de.auseinerhand.placement.domain.client;

import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.PlacementOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The placement file of one case, per person, as folded from {@code placement-<caseId>}. */
public record PlacementState(Map<UUID, ClientFile> clients) {

    public static final PlacementState NONE = new PlacementState(Map.of());

    public ClientFile client(UUID personId) {
        ClientFile f = clients.get(personId);
        return f == null ? ClientFile.empty(personId) : f;
    }

    PlacementState with(ClientFile f) {
        Map<UUID, ClientFile> copy = new LinkedHashMap<>(clients);
        copy.put(f.personId(), f);
        return new PlacementState(copy);
    }

    public record Profile(List<String> qualifications, List<String> occupationsSought, Integer experienceYears,
            List<String> languages, boolean drivingLicence, int mobilityRadiusKm, BigDecimal maxHoursPerWeek,
            List<String> constraints, LocalDate availableFrom) {
    }

    /** {@code disputeStartedOn} is set while a § 15a dispute procedure runs. */
    public record Plan(UUID planId, List<String> goals, List<String> ownEfforts, List<String> steps, LocalDate agreedOn,
            LocalDate lastReviewedOn, LocalDate reviewBy, LocalDate disputeStartedOn, String disputeSubject,
            de.auseinerhand.events.placement.CooperationPlanForm form) {
        public boolean disputeRunning() {
            return disputeStartedOn != null;
        }
    }

    /** {@code outcome} is null while the proposal is open. */
    public record Proposal(UUID offerId, BigDecimal score, List<String> reasons, PlacementOutcome outcome,
            LocalDate outcomeOn, String reason) {
        public boolean isFinal() {
            return outcome == PlacementOutcome.HIRED || outcome == PlacementOutcome.REJECTED_BY_EMPLOYER
                    || outcome == PlacementOutcome.DECLINED_BY_CLIENT;
        }
    }

    /** Where a measure stands: assigned (not started), running, ended, or withdrawn before its start. */
    public enum MeasureStatus {
        ASSIGNED, RUNNING, ENDED, WITHDRAWN
    }

    /** The assignment (Zuweisung) of a measure; null for measures started before assignments were recorded. */
    public record Assignment(LocalDate assignedOn, LocalDate plannedStart, BigDecimal plannedCosts, String caseworkerId) {
    }

    /**
     * A measure of the person. {@code start} is null while it is only assigned; {@code withdrawnOn} is set
     * when the assignment was withdrawn before the start.
     */
    public record Measure(UUID measureId, String catalogueId, String legalBasis, MeasureCategory category,
            String provider, Assignment assignment, LocalDate start, LocalDate plannedEnd, BigDecimal costs,
            LocalDate end, String outcome, LocalDate withdrawnOn, String withdrawalReason, String withdrawalRemark) {

        public MeasureStatus status() {
            if (withdrawnOn != null) {
                return MeasureStatus.WITHDRAWN;
            }
            if (start == null) {
                return MeasureStatus.ASSIGNED;
            }
            return end == null ? MeasureStatus.RUNNING : MeasureStatus.ENDED;
        }

        public boolean running() {
            return status() == MeasureStatus.RUNNING;
        }

        /** Whether the measure takes up time of the person: everything but a withdrawn assignment. */
        public boolean occupies() {
            return withdrawnOn == null;
        }

        /** The first day the measure occupies: its start, else its planned start. */
        public LocalDate firstDay() {
            return start != null ? start : assignment.plannedStart();
        }

        /** The last day the measure occupies: its end, else its planned end, else open. */
        public LocalDate lastDay() {
            return end != null ? end : plannedEnd;
        }

        Measure started(LocalDate on, BigDecimal actualCosts) {
            return new Measure(measureId, catalogueId, legalBasis, category, provider, assignment, on, plannedEnd,
                    actualCosts, null, null, null, null, null);
        }

        Measure ended(LocalDate on, String result) {
            return new Measure(measureId, catalogueId, legalBasis, category, provider, assignment, start, plannedEnd, costs,
                    on, result, null, null, null);
        }

        Measure withdrawn(LocalDate on, String reason, String remark) {
            return new Measure(measureId, catalogueId, legalBasis, category, provider, assignment, null, plannedEnd, costs,
                    null, null, on, reason, remark);
        }
    }

    public record Employment(IntegrationKind kind, LocalDate startDate, UUID employerId, BigDecimal hoursPerWeek,
            BigDecimal monthlyWage, String subsidy, LocalDate endDate, String endReason) {
        public boolean current() {
            return endDate == null;
        }
    }

    public record Breach(UUID breachId, BreachKind kind, LocalDate occurredOn, String facts, UUID offerId, UUID measureId) {
    }

    public record ClientFile(UUID personId, Profile profile, Plan plan, Map<UUID, Proposal> proposals,
            Map<UUID, Measure> measures, List<Employment> employments, List<Breach> breaches) {

        static ClientFile empty(UUID personId) {
            return new ClientFile(personId, null, null, Map.of(), Map.of(), List.of(), List.of());
        }

        public Employment currentEmployment() {
            return employments.stream().filter(Employment::current).findFirst().orElse(null);
        }

        ClientFile withProfile(Profile p) {
            return new ClientFile(personId, p, plan, proposals, measures, employments, breaches);
        }

        ClientFile withPlan(Plan p) {
            return new ClientFile(personId, profile, p, proposals, measures, employments, breaches);
        }

        ClientFile withProposal(Proposal p) {
            Map<UUID, Proposal> copy = new LinkedHashMap<>(proposals);
            copy.put(p.offerId(), p);
            return new ClientFile(personId, profile, plan, copy, measures, employments, breaches);
        }

        ClientFile withMeasure(Measure m) {
            Map<UUID, Measure> copy = new LinkedHashMap<>(measures);
            copy.put(m.measureId(), m);
            return new ClientFile(personId, profile, plan, proposals, copy, employments, breaches);
        }

        ClientFile withEmployments(List<Employment> e) {
            return new ClientFile(personId, profile, plan, proposals, measures, List.copyOf(e), breaches);
        }

        ClientFile withBreach(Breach b) {
            List<Breach> copy = new ArrayList<>(breaches);
            copy.add(b);
            return new ClientFile(personId, profile, plan, proposals, measures, employments, copy);
        }
    }
}
