package de.auseinerhand.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureCategory;
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

        PlacementCommand.StartMeasure start(UUID id, MeasureType type, LocalDate from, LocalDate plannedEnd) {
            return new PlacementCommand.StartMeasure(EMPLOYABLE, id, type, "Caritas Meschede", from, plannedEnd, new BigDecimal("1800.00"),
                    List.of());
        }

        @Test
        void aMeasureStartsWithItsLegalBasisCategoryAndCosts() {
            assertThat(when(List.of(), start(M1, ACTIVATION, DAY, null))).singleElement()
                    .isInstanceOfSatisfying(MeasureStarted.class, e -> {
                        assertThat(e.legalBasis()).isEqualTo("§ 16(1) SGB II i.V.m. § 45 SGB III");
                        assertThat(e.category()).isEqualTo(MeasureCategory.ACTIVE_LABOUR_MARKET);
                        assertThat(e.catalogueId()).isEqualTo("activation-45");
                        assertThat(e.costs()).isEqualByComparingTo("1800.00");
                    });
        }

        /** § 16d(6) SGB II: at most 24 months of work opportunities within five years. */
        @Test
        void workOpportunitiesAreLimitedTo24MonthsInFiveYears() {
            LocalDate first = LocalDate.of(2022, 1, 1);
            // 18 months done (548 days), then a second one: 182 more days fit (730 in total), 183 do not.
            EventData done = new MeasureStarted(M1, PERSON, "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT,
                    "Stadt Meschede", first, first.plusMonths(18).minusDays(1), "work-opportunity-16d", null);
            EventData ended = new MeasureEnded(M1, PERSON, "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT,
                    first.plusMonths(18).minusDays(1), "COMPLETED");
            LocalDate secondStart = LocalDate.of(2024, 1, 1);
            long used = java.time.temporal.ChronoUnit.DAYS.between(first, first.plusMonths(18));
            LocalDate fits = secondStart.plusDays(730 - used - 1);
            assertThat(when(given(done, ended), start(M2, WORK_OPPORTUNITY, secondStart, fits))).hasSize(1);
            assertThatThrownBy(() -> when(given(done, ended), start(M2, WORK_OPPORTUNITY, secondStart, fits.plusDays(1))))
                    .hasFieldOrPropertyWithValue("code", "assignment-limit-exceeded")
                    .hasFieldOrPropertyWithValue("field", "plannedEnd");
            // five years after the first one started, the old days have left the window
            LocalDate later = LocalDate.of(2027, 7, 1);
            assertThat(when(given(done, ended), start(M2, WORK_OPPORTUNITY, later, later.plusMonths(12).minusDays(1)))).hasSize(1);
        }

        /** A person keeps their id when moving to another case: the earlier case's work opportunities count too. */
        @Test
        void workOpportunitiesInOtherCasesCountTowardsTheLimit() {
            LocalDate first = LocalDate.of(2023, 1, 1);
            var elsewhere = List.of(new PlacementCommand.PriorMeasure("§ 16d SGB II", first, first.plusMonths(20).minusDays(1)));
            LocalDate start = LocalDate.of(2025, 1, 1);
            var tooMuch = new PlacementCommand.StartMeasure(EMPLOYABLE, M2, WORK_OPPORTUNITY, "Stadt Brilon", start,
                    start.plusMonths(6).minusDays(1), null, elsewhere);
            assertThatThrownBy(() -> when(List.of(), tooMuch)).hasFieldOrPropertyWithValue("code", "assignment-limit-exceeded");
            var fits = new PlacementCommand.StartMeasure(EMPLOYABLE, M2, WORK_OPPORTUNITY, "Stadt Brilon", start,
                    start.plusMonths(3).minusDays(1), null, elsewhere);
            assertThat(when(List.of(), fits)).hasSize(1);
        }

        @Test
        void workOpportunitiesHaveAPlannedEndAndDoNotOverlap() {
            assertThatThrownBy(() -> when(List.of(), start(M1, WORK_OPPORTUNITY, DAY, null)))
                    .hasFieldOrPropertyWithValue("code", "planned-end-missing");
            EventData running = when(List.of(), start(M1, WORK_OPPORTUNITY, DAY, DAY.plusMonths(6))).get(0);
            assertThatThrownBy(() -> when(given(running), start(M2, WORK_OPPORTUNITY, DAY.plusMonths(3), DAY.plusMonths(9))))
                    .hasFieldOrPropertyWithValue("code", "measure-overlaps");
        }

        @Test
        void aMeasureEndsOnceAndABreakOffWithoutImportantReasonIsABreach() {
            EventData started = when(List.of(), start(M1, ACTIVATION, DAY, DAY.plusMonths(3))).get(0);
            List<EventData> ended = when(given(started),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(20), MeasureResult.BROKEN_OFF, "stopped attending", true));
            assertThat(ended.get(0)).isEqualTo(new MeasureEnded(M1, PERSON, ACTIVATION.legalBasis(), ACTIVATION.category(),
                    DAY.plusDays(20), "BROKEN_OFF"));
            assertThat(ended.get(1)).isInstanceOfSatisfying(BreachOfDutyRecorded.class, b -> {
                assertThat(b.kind()).isEqualTo(BreachKind.BROKE_OFF_MEASURE);
                assertThat(b.measureId()).isEqualTo(M1);
                assertThat(b.facts()).contains("stopped attending").contains("§ 31(1) Nr. 3");
            });
            assertThatThrownBy(() -> when(given(started, ended.get(0)),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.plusDays(21), MeasureResult.COMPLETED, null, false)))
                    .hasFieldOrPropertyWithValue("code", "measure-ended");
            assertThatThrownBy(() -> when(given(started),
                    new PlacementCommand.EndMeasure(PERSON, M1, DAY.minusDays(1), MeasureResult.COMPLETED, null, false)))
                    .hasFieldOrPropertyWithValue("field", "end");
            assertThatThrownBy(() -> when(given(started),
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
