package de.auseinerhand.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.placement.domain.client.MeasureType;
import de.auseinerhand.placement.domain.client.MemberFacts;
import de.auseinerhand.placement.domain.client.PlacementCommand;
import de.auseinerhand.placement.domain.client.PlacementCommand.DisputeOutcome;
import de.auseinerhand.placement.domain.client.PlacementCommand.MeasureResult;
import de.auseinerhand.placement.domain.client.PlacementDecider;
import de.auseinerhand.placement.domain.client.PlacementState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events of a case's placement file, when a command, then events or a rejection. */
class PlacementDeciderTest {

    static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID OFFER = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    static final UUID EMPLOYER = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    static final MemberFacts EMPLOYABLE = new MemberFacts(PERSON, true, true);
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final MeasureType WORK_OPPORTUNITY = new MeasureType("work-opportunity-16d", "Arbeitsgelegenheit",
            "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT, 24, true, new MeasureType.Limit(24, 5));
    static final MeasureType ACTIVATION = new MeasureType("activation-45", "Aktivierung", "§ 16(1) SGB II i.V.m. § 45 SGB III",
            MeasureCategory.ACTIVE_LABOUR_MARKET, null, false, null);

    private final PlacementDecider decider = new PlacementDecider();

    private List<EventData> when(List<EventData> given, PlacementCommand command) {
        return decider.decide(command, decider.fold(given));
    }

    private static List<EventData> given(EventData... events) {
        return new ArrayList<>(List.of(events));
    }

    static PlacementCommand.RecordProfile profile(MemberFacts member, List<String> occupations, int radius) {
        return new PlacementCommand.RecordProfile(member, List.of("Pflegebasiskurs"), occupations, 3, List.of("de"), true,
                radius, new BigDecimal("30"), List.of("childcare until 14:00"), DAY);
    }

    static CooperationPlanAgreed agreed() {
        return new CooperationPlanAgreed(PLAN, PERSON, List.of("work in care"), List.of("apply for 3 offers a month"),
                DAY.plusMonths(6), List.of("three applications a month"), DAY);
    }

    @Nested
    class Profiles {
        @Test
        void anEmployableMemberGetsAProfile() {
            assertThat(when(List.of(), profile(EMPLOYABLE, List.of("82102"), 25))).singleElement()
                    .isInstanceOfSatisfying(ClientProfileRecorded.class, e -> {
                        assertThat(e.occupationsSought()).containsExactly("82102");
                        assertThat(e.mobilityRadiusKm()).isEqualTo(25);
                        assertThat(e.drivingLicence()).isTrue();
                        assertThat(e.maxHoursPerWeek()).isEqualByComparingTo("30");
                    });
        }

        /** §§ 7(1), 8 SGB II: placement is for employable beneficiaries. */
        @Test
        void onlyEmployableCurrentMembersGetAProfile() {
            assertThatThrownBy(() -> when(List.of(), profile(new MemberFacts(PERSON, true, false), List.of("82102"), 25)))
                    .hasFieldOrPropertyWithValue("code", "not-employable").hasFieldOrPropertyWithValue("field", "personId");
            assertThatThrownBy(() -> when(List.of(), profile(new MemberFacts(PERSON, false, true), List.of("82102"), 25)))
                    .hasFieldOrPropertyWithValue("code", "not-a-member");
        }

        @Test
        void occupationsAreKldbCodesAndTheRadiusIsBounded() {
            assertThatThrownBy(() -> when(List.of(), profile(EMPLOYABLE, List.of("821"), 25)))
                    .hasFieldOrPropertyWithValue("code", "invalid-occupation-code").hasFieldOrPropertyWithValue("field", "occupationsSought");
            assertThatThrownBy(() -> when(List.of(), profile(EMPLOYABLE, List.of(), 25)))
                    .hasFieldOrPropertyWithValue("code", "occupations-sought");
            assertThatThrownBy(() -> when(List.of(), profile(EMPLOYABLE, List.of("82102"), 201)))
                    .hasFieldOrPropertyWithValue("field", "mobilityRadiusKm");
        }

        @Test
        void languagesAreIsoCodes() {
            var c = new PlacementCommand.RecordProfile(EMPLOYABLE, List.of(), List.of("82102"), null, List.of("Deutsch"),
                    false, 10, null, List.of(), null);
            assertThatThrownBy(() -> when(List.of(), c)).hasFieldOrPropertyWithValue("code", "invalid-language");
        }
    }

    @Nested
    class CooperationPlans {
        PlacementCommand.AgreePlan agree(LocalDate reviewBy) {
            return new PlacementCommand.AgreePlan(EMPLOYABLE, PLAN, List.of("work in care"), List.of("three applications a month"),
                    List.of("apply for 3 offers a month"), DAY, reviewBy);
        }

        @Test
        void aPlanWithGoalsStepsAndReviewWithinSixMonthsIsAgreed() {
            assertThat(when(List.of(), agree(DAY.plusMonths(6)))).containsExactly(agreed());
        }

        /** § 15(3) SGB II: reviewed at the latest after six months. */
        @Test
        void theReviewIsAtMostSixMonthsAhead() {
            assertThatThrownBy(() -> when(List.of(), agree(DAY.plusMonths(6).plusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "review-too-late").hasFieldOrPropertyWithValue("field", "reviewBy");
            assertThatThrownBy(() -> when(List.of(), agree(DAY)))
                    .hasFieldOrPropertyWithValue("code", "review-in-past");
        }

        /** § 15(2) SGB II: the plan names goals and steps. */
        @Test
        void aPlanNamesGoalsAndSteps() {
            var noGoals = new PlacementCommand.AgreePlan(EMPLOYABLE, PLAN, List.of(), List.of(), List.of("x"), DAY, DAY.plusMonths(1));
            assertThatThrownBy(() -> when(List.of(), noGoals)).hasFieldOrPropertyWithValue("field", "goals");
            var noSteps = new PlacementCommand.AgreePlan(EMPLOYABLE, PLAN, List.of("x"), List.of(), List.of(), DAY, DAY.plusMonths(1));
            assertThatThrownBy(() -> when(List.of(), noSteps)).hasFieldOrPropertyWithValue("field", "steps");
        }

        /** 13th amending act: from 2026-07-01 a plan not agreed is set by administrative act; before, there was no such form. */
        @Test
        void aPlanIsSetByAdministrativeActOnlyUnderTheLawInForceSinceJuly2026() {
            LocalDate july = LocalDate.of(2026, 7, 1);
            var act = new PlacementCommand.AgreePlan(EMPLOYABLE, PLAN, List.of("work in care"), List.of(), List.of("apply"), july,
                    july.plusMonths(3), CooperationPlanForm.ADMINISTRATIVE_ACT);
            assertThat(when(List.of(), act)).singleElement().isInstanceOfSatisfying(CooperationPlanAgreed.class,
                    e -> assertThat(e.form()).isEqualTo(CooperationPlanForm.ADMINISTRATIVE_ACT));
            var before = new PlacementCommand.AgreePlan(EMPLOYABLE, PLAN, List.of("work in care"), List.of(), List.of("apply"),
                    july.minusDays(1), july.plusMonths(3), CooperationPlanForm.ADMINISTRATIVE_ACT);
            assertThatThrownBy(() -> when(List.of(), before)).hasFieldOrPropertyWithValue("code", "administrative-act-not-in-force")
                    .hasFieldOrPropertyWithValue("field", "form");
            assertThat(decider.fold(when(List.of(), act)).client(PERSON).plan().form()).isEqualTo(CooperationPlanForm.ADMINISTRATIVE_ACT);
        }

        @Test
        void aSecondPlanIsAnUpdateAfterAReview() {
            assertThatThrownBy(() -> when(given(agreed()), agree(DAY.plusMonths(2))))
                    .hasFieldOrPropertyWithValue("code", "plan-exists");
            var review = new PlacementCommand.UpdatePlan(PERSON, List.of("work in care"), List.of(), List.of("start training"),
                    DAY.plusMonths(5), DAY.plusMonths(11));
            assertThat(when(given(agreed()), review)).containsExactly(new CooperationPlanUpdated(PLAN, PERSON,
                    List.of("work in care"), List.of("start training"), DAY.plusMonths(11), List.of(), DAY.plusMonths(5)));
            var tooLate = new PlacementCommand.UpdatePlan(PERSON, List.of("x"), List.of(), List.of("y"), DAY.plusMonths(5),
                    DAY.plusMonths(12));
            assertThatThrownBy(() -> when(given(agreed()), tooLate)).hasFieldOrPropertyWithValue("code", "review-too-late");
            var beforeAgreement = new PlacementCommand.UpdatePlan(PERSON, List.of("x"), List.of(), List.of("y"),
                    DAY.minusDays(1), DAY.plusMonths(2));
            assertThatThrownBy(() -> when(given(agreed()), beforeAgreement)).hasFieldOrPropertyWithValue("field", "reviewedOn");
        }

        @Test
        void updatingNeedsAPlan() {
            var review = new PlacementCommand.UpdatePlan(PERSON, List.of("x"), List.of(), List.of("y"), DAY, DAY.plusMonths(1));
            assertThatThrownBy(() -> when(List.of(), review)).hasFieldOrPropertyWithValue("code", "no-plan");
        }

        /** § 15a SGB II: a dispute procedure of up to four weeks; its start and end are events. */
        @Test
        void aDisputeStartsOnceAndEndsWithinFourWeeks() {
            LocalDate start = DAY.plusDays(10);
            List<EventData> started = when(given(agreed()), new PlacementCommand.StartDispute(PERSON, start, "hours"));
            assertThat(started).containsExactly(new CooperationPlanDisputeStarted(PLAN, PERSON, start, "hours"));
            List<EventData> running = given(agreed(), started.get(0));
            assertThatThrownBy(() -> when(running, new PlacementCommand.StartDispute(PERSON, start.plusDays(1), null)))
                    .hasFieldOrPropertyWithValue("code", "dispute-running");
            assertThatThrownBy(() -> when(running, new PlacementCommand.EndDispute(PERSON, start.plusDays(29), DisputeOutcome.AGREED)))
                    .hasFieldOrPropertyWithValue("code", "dispute-too-long").hasFieldOrPropertyWithValue("field", "endedOn");
            assertThat(when(running, new PlacementCommand.EndDispute(PERSON, start.plusDays(28), DisputeOutcome.PLAN_CHANGED)))
                    .containsExactly(new CooperationPlanDisputeEnded(PLAN, PERSON, start.plusDays(28), "PLAN_CHANGED"));
            assertThatThrownBy(() -> when(given(agreed()), new PlacementCommand.EndDispute(PERSON, start, DisputeOutcome.AGREED)))
                    .hasFieldOrPropertyWithValue("code", "no-dispute");
            assertThatThrownBy(() -> when(List.of(), new PlacementCommand.StartDispute(PERSON, start, null)))
                    .hasFieldOrPropertyWithValue("code", "no-plan");
        }

        /** The 13th amending act removed § 15a from 2026-07-01: no dispute starts from that day; one started before runs on. */
        @Test
        void noDisputeProcedureFromJuly2026() {
            assertThat(when(given(agreed()), new PlacementCommand.StartDispute(PERSON, LocalDate.of(2026, 6, 30), "hours"))).hasSize(1);
            assertThatThrownBy(() -> when(given(agreed()), new PlacementCommand.StartDispute(PERSON, LocalDate.of(2026, 7, 1), "hours")))
                    .hasFieldOrPropertyWithValue("code", "dispute-procedure-repealed").hasFieldOrPropertyWithValue("field", "startedOn");
        }
    }

    @Nested
    class Proposals {
        PlacementCommand.Propose propose(boolean open) {
            return new PlacementCommand.Propose(EMPLOYABLE, OFFER, open, "Pflegehelfer/in", DAY, new BigDecimal("0.87"),
                    List.of("occupation 82102 sought"));
        }

        PlacementProposed proposed() {
            return new PlacementProposed(PERSON, OFFER, new BigDecimal("0.87"), List.of("occupation 82102 sought"));
        }

        PlacementCommand.RecordOutcome outcome(PlacementOutcome o, String reason, boolean breach) {
            return new PlacementCommand.RecordOutcome(PERSON, OFFER, o, DAY.plusDays(7), reason, breach);
        }

        @Test
        void anOpenOfferIsProposedOnce() {
            assertThat(when(List.of(), propose(true))).containsExactly(proposed());
            assertThatThrownBy(() -> when(List.of(), propose(false))).hasFieldOrPropertyWithValue("code", "offer-closed");
            assertThatThrownBy(() -> when(given(proposed()), propose(true))).hasFieldOrPropertyWithValue("code", "already-proposed");
        }

        @Test
        void outcomesMoveForward() {
            List<EventData> applied = when(given(proposed()), outcome(PlacementOutcome.APPLIED, null, false));
            assertThat(applied).containsExactly(new PlacementOutcomeRecorded(PERSON, OFFER, PlacementOutcome.APPLIED, DAY.plusDays(7), null));
            List<EventData> interview = given(proposed(), applied.get(0),
                    when(given(proposed(), applied.get(0)), outcome(PlacementOutcome.INTERVIEW, null, false)).get(0));
            assertThatThrownBy(() -> when(interview, outcome(PlacementOutcome.APPLIED, null, false)))
                    .hasFieldOrPropertyWithValue("code", "outcome-out-of-order");
            List<EventData> hired = new ArrayList<>(interview);
            hired.addAll(when(interview, outcome(PlacementOutcome.HIRED, null, false)));
            assertThatThrownBy(() -> when(hired, outcome(PlacementOutcome.DECLINED_BY_CLIENT, "x", false)))
                    .hasFieldOrPropertyWithValue("code", "proposal-closed");
        }

        @Test
        void rejectionsNameTheirReason() {
            assertThatThrownBy(() -> when(given(proposed()), outcome(PlacementOutcome.REJECTED_BY_EMPLOYER, " ", false)))
                    .hasFieldOrPropertyWithValue("code", "reason-missing").hasFieldOrPropertyWithValue("field", "reason");
            assertThatThrownBy(() -> when(List.of(), outcome(PlacementOutcome.APPLIED, null, false)))
                    .hasFieldOrPropertyWithValue("code", "no-proposal");
        }

        /** § 31(1) Nr. 2 SGB II: refusing reasonable work without an important reason is a breach of duty. */
        @Test
        void refusingAReasonableOfferWithoutImportantReasonRecordsABreachWithTheFacts() {
            List<EventData> events = when(given(proposed()), outcome(PlacementOutcome.DECLINED_BY_CLIENT, "too far", true));
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isInstanceOfSatisfying(BreachOfDutyRecorded.class, b -> {
                assertThat(b.kind()).isEqualTo(BreachKind.REFUSED_REASONABLE_OFFER);
                assertThat(b.offerId()).isEqualTo(OFFER);
                assertThat(b.occurredOn()).isEqualTo(DAY.plusDays(7));
                assertThat(b.facts()).contains("too far").contains(OFFER.toString()).contains("§ 31(1) Nr. 2");
            });
            assertThat(when(given(proposed()), outcome(PlacementOutcome.DECLINED_BY_CLIENT, "ill", false))).hasSize(1);
            assertThatThrownBy(() -> when(given(proposed()), outcome(PlacementOutcome.REJECTED_BY_EMPLOYER, "x", true)))
                    .hasFieldOrPropertyWithValue("code", "breach-needs-refusal");
        }
    }

    @Nested
    class Measures {
        static final UUID M1 = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
        static final UUID M2 = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
        static final MeasureType INTEGRATION_SUBSIDY = new MeasureType("integration-subsidy-88", "Eingliederungszuschuss",
                "§ 16(1) SGB II i.V.m. § 88 SGB III", MeasureCategory.WAGE_SUBSIDY, 12, true, null);

        PlacementCommand.AssignMeasure assign(UUID id, MeasureType type, LocalDate from, LocalDate plannedEnd) {
            return assign(EMPLOYABLE, id, type, from, plannedEnd, List.of());
        }

        PlacementCommand.AssignMeasure assign(MemberFacts member, UUID id, MeasureType type, LocalDate from, LocalDate plannedEnd,
                List<PlacementCommand.PriorMeasure> elsewhere) {
            return new PlacementCommand.AssignMeasure(member, id, type, "Caritas Meschede", from.minusDays(14), from, plannedEnd,
                    new BigDecimal("1800.00"), "cw-meschede-7", elsewhere);
        }

        PlacementCommand.StartMeasure start(UUID id, LocalDate on) {
            return new PlacementCommand.StartMeasure(EMPLOYABLE, id, on, null);
        }

        PlacementCommand.WithdrawAssignment withdraw(UUID id, LocalDate on, PlacementCommand.WithdrawalReason reason) {
            return new PlacementCommand.WithdrawAssignment(PERSON, id, on, reason, "group cancelled");
        }

        EventData assigned(UUID id, MeasureType type, LocalDate from, LocalDate plannedEnd) {
            return when(List.of(), assign(id, type, from, plannedEnd)).get(0);
        }

        /** A measure started before assignments were recorded (streams written by the single-step start). */
        EventData legacyStart(UUID id, LocalDate from, LocalDate plannedEnd) {
            return new MeasureStarted(id, PERSON, "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT,
                    "Stadt Meschede", from, plannedEnd, "work-opportunity-16d", null);
        }

        PlacementState.Measure measure(List<EventData> events, UUID id) {
            return decider.fold(events).client(PERSON).measures().get(id);
        }

        /** §§ 16 ff SGB II: the assignment names the catalogue entry, provider, planned period, costs and case worker. */
        @Test
        void anAssignmentCarriesTheCatalogueEntryProviderPlannedPeriodCostsAndCaseWorker() {
            assertThat(when(List.of(), assign(M1, ACTIVATION, DAY, DAY.plusMonths(3)))).singleElement()
                    .isEqualTo(new MeasureAssigned(M1, PERSON, "activation-45", "§ 16(1) SGB II i.V.m. § 45 SGB III",
                            MeasureCategory.ACTIVE_LABOUR_MARKET, "Caritas Meschede", DAY.minusDays(14), DAY, DAY.plusMonths(3),
                            new BigDecimal("1800.00"), "cw-meschede-7"));
            PlacementState.Measure m = measure(given(assigned(M1, ACTIVATION, DAY, DAY.plusMonths(3))), M1);
            assertThat(m.status()).isEqualTo(PlacementState.MeasureStatus.ASSIGNED);
            assertThat(m.start()).isNull();
            assertThat(m.assignment().plannedStart()).isEqualTo(DAY);
        }

        @Test
        void onlyEmployableCurrentMembersAreAssigned() {
            assertThatThrownBy(() -> when(List.of(), assign(new MemberFacts(PERSON, true, false), M1, ACTIVATION, DAY, null, List.of())))
                    .hasFieldOrPropertyWithValue("code", "not-employable");
            assertThatThrownBy(() -> when(List.of(), assign(new MemberFacts(PERSON, false, true), M1, ACTIVATION, DAY, null, List.of())))
                    .hasFieldOrPropertyWithValue("code", "not-a-member");
        }

        @Test
        void anAssignmentNamesProviderAndCaseWorkerWithAPlausiblePeriodAndCosts() {
            var noProvider = new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, " ", DAY, DAY, null, null, "cw-1", List.of());
            assertThatThrownBy(() -> when(List.of(), noProvider)).hasFieldOrPropertyWithValue("field", "provider");
            var noCaseworker = new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, "x", DAY, DAY, null, null, null, List.of());
            assertThatThrownBy(() -> when(List.of(), noCaseworker)).hasFieldOrPropertyWithValue("field", "caseworkerId");
            var startsBeforeAssigned = new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, "x", DAY, DAY.minusDays(1), null,
                    null, "cw-1", List.of());
            assertThatThrownBy(() -> when(List.of(), startsBeforeAssigned)).hasFieldOrPropertyWithValue("field", "plannedStart");
            var endsBeforeStart = new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, "x", DAY, DAY, DAY.minusDays(1),
                    null, "cw-1", List.of());
            assertThatThrownBy(() -> when(List.of(), endsBeforeStart)).hasFieldOrPropertyWithValue("field", "plannedEnd");
            var negative = new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, "x", DAY, DAY, null,
                    new BigDecimal("-1.00"), "cw-1", List.of());
            assertThatThrownBy(() -> when(List.of(), negative)).hasFieldOrPropertyWithValue("code", "negative-costs")
                    .hasFieldOrPropertyWithValue("field", "plannedCosts");
            EventData first = assigned(M1, ACTIVATION, DAY, null);
            assertThatThrownBy(() -> when(given(first), assign(M1, ACTIVATION, DAY, null)))
                    .hasFieldOrPropertyWithValue("code", "measure-exists");
        }

        /** § 16(1) SGB II i.V.m. § 89 SGB III: the catalogue's longest single assignment is checked at assignment. */
        @Test
        void theLongestSingleAssignmentIsCheckedAtAssignment() {
            assertThat(when(List.of(), assign(M1, INTEGRATION_SUBSIDY, DAY, DAY.plusMonths(12).minusDays(1)))).hasSize(1);
            assertThatThrownBy(() -> when(List.of(), assign(M1, INTEGRATION_SUBSIDY, DAY, DAY.plusMonths(12))))
                    .hasFieldOrPropertyWithValue("code", "measure-too-long");
        }

        /** § 16d(6) SGB II: at most 24 months of work opportunities within five years, checked when assigning. */
        @Test
        void workOpportunitiesAreLimitedTo24MonthsInFiveYearsAtAssignment() {
            LocalDate first = LocalDate.of(2022, 1, 1);
            // 18 months done (548 days), then a second one: 182 more days fit (730 in total), 183 do not.
            EventData done = legacyStart(M1, first, first.plusMonths(18).minusDays(1));
            EventData ended = new MeasureEnded(M1, PERSON, "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT,
                    first.plusMonths(18).minusDays(1), "COMPLETED");
            LocalDate secondStart = LocalDate.of(2024, 1, 1);
            long used = java.time.temporal.ChronoUnit.DAYS.between(first, first.plusMonths(18));
            LocalDate fits = secondStart.plusDays(730 - used - 1);
            assertThat(when(given(done, ended), assign(M2, WORK_OPPORTUNITY, secondStart, fits))).hasSize(1);
            assertThatThrownBy(() -> when(given(done, ended), assign(M2, WORK_OPPORTUNITY, secondStart, fits.plusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "assignment-limit-exceeded")
                    .hasFieldOrPropertyWithValue("field", "plannedEnd");
            // five years after the first one started, the old days have left the window
            LocalDate later = LocalDate.of(2027, 7, 1);
            assertThat(when(given(done, ended), assign(M2, WORK_OPPORTUNITY, later, later.plusMonths(12).minusDays(1)))).hasSize(1);
        }

        /** § 16d(6) SGB II: an assignment that has not started yet already counts with its planned period. */
        @Test
        void openAssignmentsCountTowardsTheLimit() {
            LocalDate first = LocalDate.of(2025, 1, 1);
            EventData open = assigned(M1, WORK_OPPORTUNITY, first, first.plusMonths(20).minusDays(1));
            LocalDate next = first.plusMonths(21);
            assertThatThrownBy(() -> when(given(open), assign(M2, WORK_OPPORTUNITY, next, next.plusMonths(6).minusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "assignment-limit-exceeded");
            assertThat(when(given(open), assign(M2, WORK_OPPORTUNITY, next, next.plusMonths(3).minusDays(1)))).hasSize(1);
        }

        /** A person keeps their id when moving to another case: the earlier case's work opportunities count too. */
        @Test
        void workOpportunitiesInOtherCasesCountTowardsTheLimit() {
            LocalDate first = LocalDate.of(2023, 1, 1);
            var elsewhere = List.of(new PlacementCommand.PriorMeasure("§ 16d SGB II", first, first.plusMonths(20).minusDays(1)));
            LocalDate start = LocalDate.of(2025, 1, 1);
            assertThatThrownBy(() -> when(List.of(), assign(EMPLOYABLE, M2, WORK_OPPORTUNITY, start, start.plusMonths(6).minusDays(1),
                    elsewhere))).hasFieldOrPropertyWithValue("code", "assignment-limit-exceeded");
            assertThat(when(List.of(), assign(EMPLOYABLE, M2, WORK_OPPORTUNITY, start, start.plusMonths(3).minusDays(1), elsewhere)))
                    .hasSize(1);
        }

        /** Measures of one legal basis do not overlap: checked against running and against open assignments. */
        @Test
        void workOpportunitiesHaveAPlannedEndAndDoNotOverlapAtAssignment() {
            assertThatThrownBy(() -> when(List.of(), assign(M1, WORK_OPPORTUNITY, DAY, null)))
                    .hasFieldOrPropertyWithValue("code", "planned-end-missing");
            EventData open = assigned(M1, WORK_OPPORTUNITY, DAY, DAY.plusMonths(6));
            assertThatThrownBy(() -> when(given(open), assign(M2, WORK_OPPORTUNITY, DAY.plusMonths(3), DAY.plusMonths(9))))
                    .hasFieldOrPropertyWithValue("code", "measure-overlaps")
                    .hasFieldOrPropertyWithValue("field", "plannedStart");
            EventData running = legacyStart(M1, DAY, DAY.plusMonths(6));
            assertThatThrownBy(() -> when(given(running), assign(M2, WORK_OPPORTUNITY, DAY.plusMonths(3), DAY.plusMonths(9))))
                    .hasFieldOrPropertyWithValue("code", "measure-overlaps");
            // another legal basis may run alongside
            assertThat(when(given(open), assign(M2, ACTIVATION, DAY.plusMonths(1), DAY.plusMonths(2)))).hasSize(1);
        }

        /** A withdrawn assignment takes no time: neither the overlap rule nor the § 16d(6) limit count it. */
        @Test
        void aWithdrawnAssignmentNoLongerCounts() {
            EventData open = assigned(M1, WORK_OPPORTUNITY, DAY, DAY.plusMonths(6));
            EventData withdrawn = when(given(open), withdraw(M1, DAY.minusDays(2), PlacementCommand.WithdrawalReason.PROVIDER_CANCELLED)).get(0);
            assertThat(when(given(open, withdrawn), assign(M2, WORK_OPPORTUNITY, DAY.plusMonths(3), DAY.plusMonths(9)))).hasSize(1);
        }

        /** §§ 16 ff SGB II: a measure starts on an open assignment, within the assigned period, with the assignment's data. */
        @Test
        void aStartRefersToAnOpenAssignment() {
            assertThatThrownBy(() -> when(List.of(), start(M1, DAY)))
                    .hasFieldOrPropertyWithValue("code", "assignment-missing").hasFieldOrPropertyWithValue("field", "measureId");
            EventData open = assigned(M1, ACTIVATION, DAY, DAY.plusMonths(3));
            assertThat(when(given(open), start(M1, DAY.plusDays(1)))).singleElement()
                    .isEqualTo(new MeasureStarted(M1, PERSON, ACTIVATION.legalBasis(), ACTIVATION.category(), "Caritas Meschede",
                            DAY.plusDays(1), DAY.plusMonths(3), "activation-45", new BigDecimal("1800.00")));
            assertThat(when(given(open), new PlacementCommand.StartMeasure(EMPLOYABLE, M1, DAY, new BigDecimal("1650.00"))).get(0))
                    .isInstanceOfSatisfying(MeasureStarted.class, e -> assertThat(e.costs()).isEqualByComparingTo("1650.00"));
            assertThatThrownBy(() -> when(given(open), start(M1, DAY.minusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "date-too-early").hasFieldOrPropertyWithValue("field", "start");
            assertThatThrownBy(() -> when(given(open), start(M1, DAY.plusMonths(3).plusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "start-after-planned-end");
            assertThatThrownBy(() -> when(given(open), new PlacementCommand.StartMeasure(new MemberFacts(PERSON, false, true), M1, DAY, null)))
                    .hasFieldOrPropertyWithValue("code", "not-a-member");
            EventData started = when(given(open), start(M1, DAY)).get(0);
            assertThat(measure(given(open, started), M1).status()).isEqualTo(PlacementState.MeasureStatus.RUNNING);
            assertThat(measure(given(open, started), M1).assignment().caseworkerId()).isEqualTo("cw-meschede-7");
            assertThatThrownBy(() -> when(given(open, started), start(M1, DAY)))
                    .hasFieldOrPropertyWithValue("code", "measure-started");
            EventData withdrawn = when(given(open), withdraw(M1, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)).get(0);
            assertThatThrownBy(() -> when(given(open, withdrawn), start(M1, DAY)))
                    .hasFieldOrPropertyWithValue("code", "assignment-withdrawn");
        }

        /** The single-step API assigns and starts in one decision; the assignment rules apply. */
        @Test
        void assignAndStartInOneStepRecordsBothFacts() {
            var both = new PlacementCommand.AssignAndStartMeasure(
                    new PlacementCommand.AssignMeasure(EMPLOYABLE, M1, ACTIVATION, "Caritas Meschede", DAY, DAY, null,
                            new BigDecimal("1800.00"), "cw-meschede-7", List.of()), DAY, new BigDecimal("1800.00"));
            List<EventData> events = when(List.of(), both);
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(MeasureAssigned.class);
            assertThat(events.get(1)).isInstanceOfSatisfying(MeasureStarted.class, e -> {
                assertThat(e.legalBasis()).isEqualTo("§ 16(1) SGB II i.V.m. § 45 SGB III");
                assertThat(e.category()).isEqualTo(MeasureCategory.ACTIVE_LABOUR_MARKET);
                assertThat(e.catalogueId()).isEqualTo("activation-45");
                assertThat(e.costs()).isEqualByComparingTo("1800.00");
            });
            EventData open = assigned(M2, WORK_OPPORTUNITY, DAY, DAY.plusMonths(6));
            var overlapping = new PlacementCommand.AssignAndStartMeasure(new PlacementCommand.AssignMeasure(EMPLOYABLE, M1,
                    WORK_OPPORTUNITY, "Stadt Meschede", DAY, DAY, DAY.plusMonths(2), null, "cw-1", List.of()), DAY, null);
            assertThatThrownBy(() -> when(given(open), overlapping)).hasFieldOrPropertyWithValue("code", "measure-overlaps");
        }

        /** Backward compatibility: starts written before assignments were recorded fold, end and count as before. */
        @Test
        void startsRecordedBeforeAssignmentsStillFold() {
            EventData old = legacyStart(M1, DAY, DAY.plusMonths(6));
            PlacementState.Measure m = measure(given(old), M1);
            assertThat(m.status()).isEqualTo(PlacementState.MeasureStatus.RUNNING);
            assertThat(m.assignment()).isNull();
            assertThat(when(given(old), new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusMonths(1), MeasureResult.COMPLETED, null,
                    false))).hasSize(1);
            assertThatThrownBy(() -> when(given(old), withdraw(M1, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)))
                    .hasFieldOrPropertyWithValue("code", "measure-started");
        }

        /** An assignment is withdrawn only before the measure starts, once, with its reason. */
        @Test
        void anAssignmentIsWithdrawnOnlyBeforeTheStart() {
            EventData open = assigned(M1, WORK_OPPORTUNITY, DAY, DAY.plusMonths(6));
            assertThat(when(given(open), withdraw(M1, DAY.minusDays(1), PlacementCommand.WithdrawalReason.PROVIDER_CANCELLED)))
                    .singleElement().isEqualTo(new MeasureAssignmentWithdrawn(M1, PERSON, "§ 16d SGB II",
                            MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT, DAY.minusDays(1), "PROVIDER_CANCELLED", "group cancelled"));
            assertThatThrownBy(() -> when(given(open), withdraw(M2, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)))
                    .hasFieldOrPropertyWithValue("code", "measure-unknown");
            assertThatThrownBy(() -> when(given(open), withdraw(M1, DAY, null)))
                    .hasFieldOrPropertyWithValue("code", "reason-missing").hasFieldOrPropertyWithValue("field", "reason");
            assertThatThrownBy(() -> when(given(open), withdraw(M1, DAY.minusDays(15), PlacementCommand.WithdrawalReason.PLAN_CHANGED)))
                    .hasFieldOrPropertyWithValue("field", "withdrawnOn");
            EventData started = when(given(open), start(M1, DAY)).get(0);
            assertThatThrownBy(() -> when(given(open, started), withdraw(M1, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)))
                    .hasFieldOrPropertyWithValue("code", "measure-started");
            EventData withdrawn = when(given(open), withdraw(M1, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)).get(0);
            assertThat(measure(given(open, withdrawn), M1).status()).isEqualTo(PlacementState.MeasureStatus.WITHDRAWN);
            assertThatThrownBy(() -> when(given(open, withdrawn), withdraw(M1, DAY, PlacementCommand.WithdrawalReason.PLAN_CHANGED)))
                    .hasFieldOrPropertyWithValue("code", "assignment-withdrawn");
        }

        /**
         * Not starting an assigned reasonable measure without an important reason (§ 31(1) Nr. 3 SGB II) is
         * recorded as the withdrawal's reason only: BreachKind has no kind for it, so no breach is recorded.
         */
        @Test
        void notStartingIsRecordedAsAFactWithoutABreach() {
            EventData open = assigned(M1, ACTIVATION, DAY, DAY.plusMonths(3));
            assertThat(when(given(open), withdraw(M1, DAY.plusDays(7), PlacementCommand.WithdrawalReason.NOT_STARTED_BY_CLIENT)))
                    .singleElement().isInstanceOfSatisfying(MeasureAssignmentWithdrawn.class,
                            e -> assertThat(e.reason()).isEqualTo("NOT_STARTED_BY_CLIENT"));
        }

        @Test
        void anAssignedMeasureCannotEndBeforeItStarted() {
            EventData open = assigned(M1, ACTIVATION, DAY, DAY.plusMonths(3));
            assertThatThrownBy(() -> when(given(open),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(20), MeasureResult.COMPLETED, null, false)))
                    .hasFieldOrPropertyWithValue("code", "measure-not-started");
        }

        /** § 31(1) Nr. 3 SGB II: breaking off a running measure without an important reason is a breach. */
        @Test
        void aMeasureEndsOnceAndABreakOffWithoutImportantReasonIsABreach() {
            EventData open = assigned(M1, ACTIVATION, DAY, DAY.plusMonths(3));
            EventData started = when(given(open), start(M1, DAY)).get(0);
            List<EventData> ended = when(given(open, started),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(20), MeasureResult.BROKEN_OFF, "stopped attending", true));
            assertThat(ended.get(0)).isEqualTo(new MeasureEnded(M1, PERSON, ACTIVATION.legalBasis(), ACTIVATION.category(),
                    DAY.plusDays(20), "BROKEN_OFF"));
            assertThat(ended.get(1)).isInstanceOfSatisfying(BreachOfDutyRecorded.class, b -> {
                assertThat(b.kind()).isEqualTo(BreachKind.BROKE_OFF_MEASURE);
                assertThat(b.measureId()).isEqualTo(M1);
                assertThat(b.facts()).contains("stopped attending").contains("§ 31(1) Nr. 3");
            });
            assertThatThrownBy(() -> when(given(open, started, ended.get(0)),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(21), MeasureResult.COMPLETED, null, false)))
                    .hasFieldOrPropertyWithValue("code", "measure-ended");
            assertThatThrownBy(() -> when(given(open, started),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.minusDays(1), MeasureResult.COMPLETED, null, false)))
                    .hasFieldOrPropertyWithValue("field", "end");
            assertThatThrownBy(() -> when(given(open, started),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(5), MeasureResult.COMPLETED, null, true)))
                    .hasFieldOrPropertyWithValue("code", "breach-needs-break-off");
        }
    }

    @Nested
    class Integrations {
        PlacementCommand.RecordIntegration integration(IntegrationKind kind, UUID employer, String wage, String subsidy) {
            return new PlacementCommand.RecordIntegration(EMPLOYABLE, kind, DAY, employer, new BigDecimal("30"),
                    wage == null ? null : new BigDecimal(wage), subsidy);
        }

        @Test
        void anIntegrationIsRecordedWithItsKindAndAnEmploymentEndsOnce() {
            List<EventData> started = when(List.of(), integration(IntegrationKind.EMPLOYMENT_SV, EMPLOYER, "2450.00", null));
            assertThat(started).containsExactly(new IntegrationRecorded(PERSON, IntegrationKind.EMPLOYMENT_SV, DAY, EMPLOYER,
                    new BigDecimal("30"), null, new BigDecimal("2450.00")));
            assertThatThrownBy(() -> when(given(started.get(0)), integration(IntegrationKind.MINIJOB, EMPLOYER, "500.00", null)))
                    .hasFieldOrPropertyWithValue("code", "employment-running");
            List<EventData> ended = when(given(started.get(0)), new PlacementCommand.EndEmployment(PERSON, DAY.plusMonths(4), "probation"));
            assertThat(ended).containsExactly(new EmploymentEnded(PERSON, DAY.plusMonths(4), "probation"));
            assertThatThrownBy(() -> when(given(started.get(0), ended.get(0)), new PlacementCommand.EndEmployment(PERSON, DAY.plusMonths(5), null)))
                    .hasFieldOrPropertyWithValue("code", "no-employment");
        }

        /** § 8(1a) SGB IV: 603 EUR a month in 2026 is the limit of marginal employment. */
        @Test
        void minijobsStayWithinTheMarginalEmploymentLimit() {
            assertThat(when(List.of(), integration(IntegrationKind.MINIJOB, EMPLOYER, "603.00", null))).hasSize(1);
            assertThatThrownBy(() -> when(List.of(), integration(IntegrationKind.MINIJOB, EMPLOYER, "603.01", null)))
                    .hasFieldOrPropertyWithValue("code", "above-minijob-limit");
            assertThatThrownBy(() -> when(List.of(), integration(IntegrationKind.EMPLOYMENT_SV, EMPLOYER, "600.00", null)))
                    .hasFieldOrPropertyWithValue("code", "within-minijob-limit");
            assertThatThrownBy(() -> when(List.of(), integration(IntegrationKind.MINIJOB, EMPLOYER, null, null)))
                    .hasFieldOrPropertyWithValue("code", "wage-missing");
        }

        @Test
        void onlySelfEmploymentHasNoEmployerAndSubsidisedWorkNamesItsSubsidy() {
            assertThat(when(List.of(), integration(IntegrationKind.SELF_EMPLOYMENT, null, null, null))).hasSize(1);
            assertThatThrownBy(() -> when(List.of(), integration(IntegrationKind.APPRENTICESHIP, null, null, null)))
                    .hasFieldOrPropertyWithValue("code", "employer-missing");
            assertThatThrownBy(() -> when(List.of(), integration(IntegrationKind.SUBSIDISED, EMPLOYER, null, null)))
                    .hasFieldOrPropertyWithValue("code", "subsidy-missing");
            assertThat(when(List.of(), integration(IntegrationKind.SUBSIDISED, EMPLOYER, null, "§ 16i SGB II"))).hasSize(1);
        }
    }
}
