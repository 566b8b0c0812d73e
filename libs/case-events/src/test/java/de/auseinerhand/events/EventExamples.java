package de.auseinerhand.events;

import de.auseinerhand.events.benefits.AdditionalNeedAmount;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.ApplicationWithdrawn;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.CostReductionNoticeIssued;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.NoticeKind;
import de.auseinerhand.events.benefits.ApprovalRequested;
import de.auseinerhand.events.benefits.ApprovalDecided;
import de.auseinerhand.events.benefits.CostReductionNoticeWithdrawn;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.benefits.PostedPersonAmount;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.BreachKind;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmployerRegistered;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationKind;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.events.placement.MeasureCategory;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.placement.OfferClosure;
import de.auseinerhand.events.placement.PlacementOutcome;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CitizenLinkKind;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.UnemploymentStarted;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.EmployabilityBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** One fixed example per event type; the approval files pin their serialized form. */
final class EventExamples {

    static final UUID PERSON = UUID.fromString("7f9a3c62-4d1e-4b8a-9c55-2f0e8d6a1b34");
    static final UUID CHILD = UUID.fromString("0c4d2b71-8e3f-4a96-b1d7-5e2a9f3c8d10");
    static final UUID DECISION = UUID.fromString("3e8f1a2b-6c4d-4e5f-8a9b-0c1d2e3f4a5b");
    static final UUID OFFER = UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
    static final UUID EMPLOYER = UUID.fromString("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a");
    static final UUID PLAN = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    static final UUID MEASURE = UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");

    private EventExamples() {
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    static List<EventData> all() {
        PersonEntitlement head = new PersonEntitlement(PERSON, eur("563.00"),
                List.of(new AdditionalNeedAmount("§ 21(3) SGB II single parent", eur("202.68"))), eur("310.00"),
                eur("120.00"), eur("645.68"), eur("310.00"), eur("955.68"));
        PersonEntitlement child = new PersonEntitlement(CHILD, eur("357.00"), List.of(), eur("310.00"),
                eur("255.00"), eur("127.00"), eur("310.00"), eur("437.00"));
        return List.of(
                new CaseOpened("BG-05958032-000123", "05958032", LocalDate.of(2026, 3, 2)),
                new PersonRegistered(PERSON, PersonRole.HEAD, YearMonth.of(1988, 4), Sex.FEMALE, true, true,
                        LocalDate.of(2026, 3, 2), "123A456789",
                        new EncryptedPii("k-7f9a3c62", EncryptedPii.AES_256_GCM, "q83vEjRWeJASNFZ4kBI0VniQ")),
                new PersonJoinedCase(CHILD, PersonRole.CHILD, LocalDate.of(2026, 5, 1), "birth"),
                new PersonLeftCase(CHILD, LocalDate.of(2026, 9, 1), "moved out"),
                new CaseMoved("05958032", "05958004", LocalDate.of(2026, 7, 1)),
                new CaseworkerAssigned("cw-meschede-1", CaseworkerFunction.BENEFITS, LocalDate.of(2026, 3, 2)),
                new CitizenLinked("768343a8-0acc-48b3-9fd5-ca1ee27054f8", CitizenLinkKind.APPLICATION, LocalDate.of(2026, 3, 2)),
                new CitizenUnlinked("768343a8-0acc-48b3-9fd5-ca1ee27054f8", LocalDate.of(2026, 4, 1), "account of another person"),
                new UnemploymentStarted(PERSON, LocalDate.of(2025, 11, 1), "dismissal"),
                new EmployabilityChanged(PERSON, false, LocalDate.of(2026, 5, 1), EmployabilityBasis.MEDICAL_FINDING),
                new CircumstancesRecorded(CHILD, LocalDate.of(2026, 6, 1), List.of(PERSON), null, true, false, false,
                        new EncryptedPii("k-0c4d2b71", EncryptedPii.AES_256_GCM, "c2VhbGVkIGhlYWx0aCBmYWN0cw")),
                new UnemploymentEnded(PERSON, LocalDate.of(2026, 10, 15), "employment"),
                new IncomeDeclared(PERSON, IncomeKind.EMPLOYMENT, YearMonth.of(2026, 4), YearMonth.of(2026, 9),
                        eur("520.00"), eur("412.34"), eur("107.66")),
                new HousingCostsDeclared(LocalDate.of(2026, 3, 1), eur("480.00"), eur("95.00"), eur("45.00"), 2,
                        eur("62.5"), true),
                new AssetsDeclared(PERSON, AssetKind.BANK_ACCOUNT, eur("1250.00"), LocalDate.of(2026, 3, 1)),
                new CaseClosed(LocalDate.of(2026, 11, 1), "income covers need"),
                new PersonDataErased(PERSON),
                new ApplicationReceived(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)),
                new ApplicationWithdrawn(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9)),
                new EntitlementDecided(DECISION, new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28)),
                        false, "2026-01-01", List.of(head, child), eur("1392.68"), eur("772.68"), eur("620.00"),
                        UUID.fromString("0c8f4a52-6a7e-4d55-9a51-2f3c8f0e1d11"), eur("-32.10"), Boolean.TRUE),
                new EntitlementAmended(DECISION, LocalDate.of(2026, 5, 1), "income changed", "2026-01-01",
                        List.of(head, child), eur("1392.68"), eur("772.68"), eur("620.00")),
                new EntitlementTerminated(DECISION, LocalDate.of(2026, 11, 1), "income covers need"),
                new BenefitReductionImposed(PERSON, 10, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30),
                        "§ 32 SGB II missed appointment"),
                new CostReductionNoticeIssued(LocalDate.of(2026, 3, 16)),
                new CostReductionNoticeWithdrawn(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 7, 1), "NO_CHEAPER_HOUSING"),
                new NoticeIssued(UUID.fromString("5b0e7c1e-3d0a-4f6e-9c1d-8a2b4c6d8e01"), NoticeKind.DECISION,
                        UUID.fromString("0195f3a2-1111-4222-8333-444455556666"), DECISION, PERSON, LocalDate.of(2026, 3, 2),
                        "bescheid-v1", "9f2c3b0a6d7e8f90112233445566778899aabbccddeeff00112233445566778a", 48213),
                new ApprovalRequested(UUID.fromString("7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"), "DECISION",
                        "monthly total 2,612.40 above 2,500.00", LocalDate.of(2026, 3, 2)),
                new ApprovalDecided(UUID.fromString("7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"), "APPROVED", LocalDate.of(2026, 3, 3)),
                new BenefitReductionLifted(PERSON, 10, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15),
                        "§ 31a(1) SGB II compliance"),
                new MonthlyEntitlementPosted(YearMonth.of(2026, 6),
                        List.of(new PostedPersonAmount(PERSON, eur("645.68"), eur("310.00"), eur("56.30"), eur("899.38")),
                                new PostedPersonAmount(CHILD, eur("127.00"), eur("310.00"), eur("0.00"), eur("437.00"))),
                        eur("772.68"), eur("620.00"), eur("56.30"), eur("1336.38")),
                new EmployerRegistered(EMPLOYER, "Caritas-Altenzentrum St. Walburga", "05958032", "87.10"),
                new JobOfferPublished(OFFER, EMPLOYER, "82102", "Pflegehelfer/in", "05958032", eur("30"),
                        eur("15.50"), 2, List.of("Pflegebasiskurs"), LocalDate.of(2026, 7, 1), List.of("de"), true),
                new JobOfferClosed(OFFER, EMPLOYER, OfferClosure.FILLED, LocalDate.of(2026, 8, 1)),
                new ClientProfileRecorded(PERSON, List.of("Pflegebasiskurs"), List.of("82102"), 25,
                        List.of("childcare until 14:00"), List.of("de", "pl"), true, 3, eur("30"), LocalDate.of(2026, 5, 1)),
                new CooperationPlanAgreed(PLAN, PERSON, List.of("work in care"), List.of("apply for 3 offers a month"),
                        LocalDate.of(2026, 9, 30), List.of("three applications a month"), LocalDate.of(2026, 4, 1)),
                new BreachOfDutyRecorded(UUID.fromString("5b1d3c8e-2f4a-4e6b-9c7d-0a1b2c3d4e5f"), PERSON, BreachKind.REFUSED_REASONABLE_OFFER,
                        LocalDate.of(2026, 6, 10), "offer of a reasonable full-time job refused without giving a reason", OFFER, null),
                new CooperationPlanDisputeStarted(PLAN, PERSON, LocalDate.of(2026, 7, 1), "hours of the training measure"),
                new CooperationPlanDisputeEnded(PLAN, PERSON, LocalDate.of(2026, 7, 20), "PLAN_CHANGED"),
                new CooperationPlanUpdated(PLAN, PERSON, List.of("work in care"), List.of("start training"),
                        LocalDate.of(2027, 3, 31), List.of("attend the training"), LocalDate.of(2026, 9, 30)),
                new PlacementProposed(PERSON, OFFER, eur("0.87"), List.of("occupation 82102 sought", "12 km away")),
                new PlacementOutcomeRecorded(PERSON, OFFER, PlacementOutcome.REJECTED_BY_EMPLOYER, LocalDate.of(2026, 6, 20),
                        "another applicant had more experience"),
                new MeasureAssigned(MEASURE, PERSON, "activation-45", "§ 16 SGB II i.V.m. § 45 SGB III",
                        MeasureCategory.ACTIVE_LABOUR_MARKET, "Bildungswerk Sauerland", LocalDate.of(2026, 3, 16),
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), eur("1800.00"), "cw-meschede-1"),
                new MeasureAssignmentWithdrawn(UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"), PERSON,
                        "§ 16d SGB II", MeasureCategory.SUBSIDISED_PUBLIC_EMPLOYMENT, LocalDate.of(2026, 3, 20), "PROVIDER_CANCELLED",
                        "the provider cancelled the group for lack of participants"),
                new MeasureStarted(MEASURE, PERSON, "§ 16 SGB II i.V.m. § 45 SGB III", MeasureCategory.ACTIVE_LABOUR_MARKET,
                        "Bildungswerk Sauerland", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), "activation-45", eur("1800.00")),
                new MeasureEnded(MEASURE, PERSON, "§ 16 SGB II i.V.m. § 45 SGB III", MeasureCategory.ACTIVE_LABOUR_MARKET,
                        LocalDate.of(2026, 6, 30), "completed"),
                new IntegrationRecorded(PERSON, IntegrationKind.EMPLOYMENT_SV, LocalDate.of(2026, 8, 1), EMPLOYER,
                        eur("30"), "§ 16e SGB II", eur("2450.00")),
                new EmploymentEnded(PERSON, LocalDate.of(2027, 1, 31), "fixed term ended"));
    }
}
