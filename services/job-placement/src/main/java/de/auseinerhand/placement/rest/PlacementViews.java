package de.auseinerhand.placement.rest;

import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.placement.application.BenefitsView;
import de.auseinerhand.placement.application.PlacementService;
import de.auseinerhand.placement.domain.client.ContinuousEmployment;
import de.auseinerhand.placement.domain.client.PlacementState;
import de.auseinerhand.matching.Match;
import de.auseinerhand.placement.domain.offer.OfferState;
import de.auseinerhand.registryview.KnownPerson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The API model of placement (never the events or the state themselves). */
public final class PlacementViews {

    private PlacementViews() {
    }

    public record OfferView(UUID offerId, UUID employerId, String occupationCode, String title, String municipality,
            BigDecimal hoursPerWeek, BigDecimal wage, LocalDate startDate, int positions, List<String> requirements,
            List<String> languages, boolean drivingLicenceRequired, String status, LocalDate closedOn, long version) {
        static OfferView of(OfferState s, long version) {
            return new OfferView(s.offerId(), s.employerId(), s.occupationCode(), s.title(), s.municipality(), s.hoursPerWeek(),
                    s.wage(), s.startDate(), s.positions(), s.requirements(), s.languages(), s.drivingLicenceRequired(),
                    s.status(), s.closedOn(), version);
        }
    }

    public record FactorView(String name, int points, int max, String reason) {
        static List<FactorView> of(Match m) {
            return m.factors().stream().map(f -> new FactorView(f.name(), f.points(), f.max(), f.reason())).toList();
        }
    }

    public record OfferMatch(UUID offerId, String title, String occupationCode, String municipality, BigDecimal hoursPerWeek,
            LocalDate startDate, int score, int distanceKm, boolean withinRadius, List<FactorView> factors) {
    }

    public record ClientMatch(String caseId, UUID personId, String municipality, int score, int distanceKm,
            boolean withinRadius, List<FactorView> factors) {
    }

    public record MatchPage<T>(List<T> items, String nextCursor) {
    }

    /** The placement view of a case: every member as this service knows them, with their placement file. */
    public record CaseView(String caseId, String municipality, LocalDate closedOn, long version,
            BenefitsView.Benefits benefits, List<PersonView> persons) {
        static CaseView of(PlacementService.CaseFile f, LocalDate today) {
            PlacementState s = f.placement().state();
            List<PersonView> persons = f.members().stream().map(m -> PersonView.of(m, s.client(m.personId), today)).toList();
            return new CaseView(f.known().caseId, f.known().municipality, f.known().closedOn, f.placement().version(),
                    f.benefits(), persons);
        }
    }

    public record PersonView(UUID personId, String role, boolean employable, boolean currentMember, ProfileView profile,
            PlanView cooperationPlan, List<ProposalView> proposals, List<MeasureView> measures,
            List<EmploymentView> employments, List<ContinuationView> continuation, List<BreachView> breaches) {
        static PersonView of(KnownPerson m, PlacementState.ClientFile f, LocalDate today) {
            return new PersonView(m.personId, m.role, m.employableIn(java.time.YearMonth.from(today)), m.leftOn == null && !m.erased,
                    f.profile() == null ? null : ProfileView.of(f.profile()), f.plan() == null ? null : PlanView.of(f.plan(), today),
                    f.proposals().values().stream().map(ProposalView::of).toList(),
                    f.measures().values().stream().map(MeasureView::of).toList(),
                    f.employments().stream().map(EmploymentView::of).toList(),
                    ContinuousEmployment.check(f.employments(), today).stream().map(ContinuationView::of).toList(),
                    f.breaches().stream().map(BreachView::of).toList());
        }
    }

    public record ProfileView(List<String> qualifications, List<String> occupationsSought, Integer experienceYears,
            List<String> languages, boolean drivingLicence, int mobilityRadiusKm, BigDecimal maxHoursPerWeek,
            List<String> constraints, LocalDate availableFrom) {
        static ProfileView of(PlacementState.Profile p) {
            return new ProfileView(p.qualifications(), p.occupationsSought(), p.experienceYears(), p.languages(),
                    p.drivingLicence(), p.mobilityRadiusKm(), p.maxHoursPerWeek(), p.constraints(), p.availableFrom());
        }
    }

    public record DisputeView(LocalDate startedOn, LocalDate endsAtLatest, String subject) {
    }

    public record PlanView(UUID planId, List<String> goals, List<String> ownEfforts, List<String> steps, LocalDate agreedOn,
            LocalDate lastReviewedOn, LocalDate reviewBy, boolean reviewOverdue, DisputeView dispute,
            de.auseinerhand.events.placement.CooperationPlanForm form) {
        static PlanView of(PlacementState.Plan p, LocalDate today) {
            return new PlanView(p.planId(), p.goals(), p.ownEfforts(), p.steps(), p.agreedOn(), p.lastReviewedOn(), p.reviewBy(),
                    p.reviewBy().isBefore(today), p.disputeRunning()
                            ? new DisputeView(p.disputeStartedOn(), p.disputeStartedOn().plusWeeks(4), p.disputeSubject()) : null, p.form());
        }
    }

    public record ProposalView(UUID offerId, BigDecimal score, List<String> reasons, PlacementOutcome outcome,
            LocalDate outcomeOn, String reason) {
        static ProposalView of(PlacementState.Proposal p) {
            return new ProposalView(p.offerId(), p.score(), p.reasons(), p.outcome(), p.outcomeOn(), p.reason());
        }
    }

    /**
     * A measure with its status: ASSIGNED (not started yet: planned start, planned costs, who assigned it),
     * RUNNING, ENDED, or WITHDRAWN before its start (with date and reason). Measures started before
     * assignments were recorded have no assignment fields.
     */
    public record MeasureView(UUID measureId, PlacementState.MeasureStatus status, String catalogueId, String legalBasis,
            MeasureCategory category, String provider, LocalDate assignedOn, LocalDate plannedStart, BigDecimal plannedCosts,
            String assignedBy, LocalDate start, LocalDate plannedEnd, BigDecimal costs, LocalDate end, String outcome,
            LocalDate withdrawnOn, String withdrawalReason, String withdrawalRemark) {
        static MeasureView of(PlacementState.Measure m) {
            PlacementState.Assignment a = m.assignment();
            return new MeasureView(m.measureId(), m.status(), m.catalogueId(), m.legalBasis(), m.category(), m.provider(),
                    a == null ? null : a.assignedOn(), a == null ? null : a.plannedStart(), a == null ? null : a.plannedCosts(),
                    a == null ? null : a.caseworkerId(), m.start(), m.plannedEnd(), m.costs(), m.end(), m.outcome(),
                    m.withdrawnOn(), m.withdrawalReason(), m.withdrawalRemark());
        }
    }

    public record EmploymentView(IntegrationKind kind, LocalDate startDate, UUID employerId, BigDecimal hoursPerWeek,
            BigDecimal monthlyWage, String subsidy, LocalDate endDate, String endReason) {
        static EmploymentView of(PlacementState.Employment e) {
            return new EmploymentView(e.kind(), e.startDate(), e.employerId(), e.hoursPerWeek(), e.monthlyWage(), e.subsidy(),
                    e.endDate(), e.endReason());
        }
    }

    public record MonthView(YearMonth month, ContinuousEmployment.Status status) {
    }

    /** K2E3: in work at the end of each of the six months after the integration (null while months are pending). */
    public record ContinuationView(LocalDate integratedOn, IntegrationKind kind, List<MonthView> months, Boolean continuous) {
        static ContinuationView of(ContinuousEmployment.Result r) {
            return new ContinuationView(r.integratedOn(), r.kind(),
                    r.months().stream().map(m -> new MonthView(m.month(), m.status())).toList(), r.continuous());
        }
    }

    public record BreachView(UUID breachId, BreachKind kind, LocalDate occurredOn, String facts, UUID offerId, UUID measureId) {
        static BreachView of(PlacementState.Breach b) {
            return new BreachView(b.breachId(), b.kind(), b.occurredOn(), b.facts(), b.offerId(), b.measureId());
        }
    }
}
