package de.auseinerhand.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.CommandRejected;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events or a rejection. */
class CaseDeciderTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 3, 2);
    private static final EncryptedPii PII = new EncryptedPii("pk-1", EncryptedPii.AES_256_GCM, "AAAA");
    private final CaseDecider decider = new CaseDecider();

    private List<EventData> when(List<EventData> given, CaseCommand command) {
        return decider.decide(command, decider.fold(given));
    }

    private static CaseOpened opened() {
        return new CaseOpened("BG-05958032-000001", "05958032", OPENED);
    }

    private static CaseCommand.RegisterPerson person(PersonRole role, LocalDate birthDate) {
        return new CaseCommand.RegisterPerson(UUID.randomUUID(), role, birthDate, Sex.FEMALE, true, false, OPENED,
                null, PII);
    }

    @Test
    void openingANewCaseGivesCaseOpened() {
        assertThat(when(List.of(), new CaseCommand.OpenCase("BG-05958032-000001", "05958032", OPENED)))
                .containsExactly(opened());
    }

    @Test
    void aCaseCannotBeOpenedTwice() {
        assertThatThrownBy(() -> when(List.of(opened()), new CaseCommand.OpenCase("BG-05958032-000001", "05958032", OPENED)))
                .isInstanceOf(CommandRejected.class).hasFieldOrPropertyWithValue("code", "case-exists");
    }

    @Test
    void registeringAHeadRecordsBirthMonthButNotTheBirthDate() {
        var cmd = person(PersonRole.HEAD, LocalDate.of(1988, 4, 12));
        List<EventData> events = when(List.of(opened()), cmd);
        assertThat(events).singleElement().isInstanceOfSatisfying(PersonRegistered.class, e -> {
            assertThat(e.birthYearMonth()).isEqualTo(YearMonth.of(1988, 4));
            assertThat(e.role()).isEqualTo(PersonRole.HEAD);
            assertThat(e.pii()).isEqualTo(PII);
            assertThat(e.toString()).doesNotContain("1988-04-12");
        });
    }

    @Test
    void aCaseHasOneHead() {
        var head = person(PersonRole.HEAD, LocalDate.of(1988, 4, 12));
        List<EventData> given = List.of(opened(), when(List.of(opened()), head).get(0));
        assertThatThrownBy(() -> when(given, person(PersonRole.HEAD, LocalDate.of(1990, 1, 1))))
                .hasFieldOrPropertyWithValue("code", "one-head-per-case")
                .hasFieldOrPropertyWithValue("field", "role");
    }

    @Test
    void aPartnerIsAnAdult() {
        assertThatThrownBy(() -> when(List.of(opened()), person(PersonRole.PARTNER, OPENED.minusYears(12))))
                .hasFieldOrPropertyWithValue("code", "partner-must-be-adult");
        assertThat(when(List.of(opened()), person(PersonRole.PARTNER, OPENED.minusYears(18)))).hasSize(1);
    }

    @Test
    void aChildInTheCaseIsUnder25() {
        assertThatThrownBy(() -> when(List.of(opened()), person(PersonRole.CHILD, OPENED.minusYears(25))))
                .hasFieldOrPropertyWithValue("code", "child-under-25");
        assertThat(when(List.of(opened()), person(PersonRole.CHILD, OPENED.minusYears(25).plusDays(1)))).hasSize(1);
    }

    @Test
    void nobodyJoinsBeforeTheCaseWasOpenedOrBeforeBeingBorn() {
        var early = new CaseCommand.RegisterPerson(UUID.randomUUID(), PersonRole.HEAD, LocalDate.of(1980, 1, 1),
                Sex.MALE, true, false, OPENED.minusDays(1), null, PII);
        assertThatThrownBy(() -> when(List.of(opened()), early)).hasFieldOrPropertyWithValue("field", "effectiveFrom");
        assertThatThrownBy(() -> when(List.of(opened()), person(PersonRole.CHILD, OPENED.plusDays(1))))
                .hasFieldOrPropertyWithValue("code", "born-after-joining");
        assertThatThrownBy(() -> when(List.of(opened()), person(PersonRole.OTHER, LocalDate.of(1890, 1, 1))))
                .hasFieldOrPropertyWithValue("code", "implausible-birth-date");
    }

    private CaseState stateWithHead(UUID head) {
        var register = new CaseCommand.RegisterPerson(head, PersonRole.HEAD, LocalDate.of(1980, 5, 5), Sex.MALE, true,
                false, OPENED, null, PII);
        return decider.fold(List.of(opened(), decider.decide(register, decider.fold(List.of(opened()))).get(0)));
    }

    @Test
    void aMemberLeavesNotBeforeJoiningAndRejoinsOnlyAfterLeaving() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        assertThatThrownBy(() -> decider.decide(new CaseCommand.LeaveCase(head, OPENED.minusDays(1), null), s))
                .hasFieldOrPropertyWithValue("field", "effectiveFrom");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.RejoinCase(head, PersonRole.HEAD, OPENED, null), s))
                .hasFieldOrPropertyWithValue("code", "already-member");
        var left = decider.decide(new CaseCommand.LeaveCase(head, OPENED.plusMonths(2), "moved"), s);
        assertThat(left).singleElement().isInstanceOf(de.auseinerhand.events.registry.PersonLeftCase.class);
        CaseState after = decider.evolve(s, left.get(0));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.RejoinCase(head, PersonRole.HEAD, OPENED.plusMonths(1), null), after))
                .hasFieldOrPropertyWithValue("code", "date-too-early");
        assertThat(decider.decide(new CaseCommand.RejoinCase(head, PersonRole.HEAD, OPENED.plusMonths(3), null), after)).hasSize(1);
    }

    @Test
    void aClosedCaseTakesNoCommandsAndCannotCloseBeforeItOpened() {
        CaseState s = decider.fold(List.of(opened()));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.CloseCase(OPENED.minusDays(1), "x"), s))
                .hasFieldOrPropertyWithValue("code", "date-too-early");
        CaseState closed = decider.evolve(s, decider.decide(new CaseCommand.CloseCase(OPENED.plusDays(30), "x"), s).get(0));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.MoveCase("05958004", OPENED.plusDays(40)), closed))
                .hasFieldOrPropertyWithValue("code", "case-not-open");
    }

    @Test
    void aMoveGoesToAnotherMunicipality() {
        CaseState s = decider.fold(List.of(opened()));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.MoveCase("05958032", OPENED.plusDays(1)), s))
                .hasFieldOrPropertyWithValue("code", "same-municipality");
        assertThat(decider.decide(new CaseCommand.MoveCase("05958004", OPENED.plusDays(1)), s))
                .containsExactly(new de.auseinerhand.events.registry.CaseMoved("05958032", "05958004", OPENED.plusDays(1)));
    }

    @Test
    void unemploymentStartsOnceForAPersonOf15AndEndsAfterItStarted() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        var started = decider.decide(new CaseCommand.StartUnemployment(head, OPENED, "dismissal"), s);
        CaseState unemployed = decider.evolve(s, started.get(0));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.StartUnemployment(head, OPENED.plusDays(3), null), unemployed))
                .hasFieldOrPropertyWithValue("code", "already-unemployed");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.EndUnemployment(head, OPENED.minusDays(1), null), unemployed))
                .hasFieldOrPropertyWithValue("code", "date-too-early");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.EndUnemployment(head, OPENED, null), s))
                .hasFieldOrPropertyWithValue("code", "not-unemployed");
        var child = new CaseCommand.RegisterPerson(UUID.randomUUID(), PersonRole.CHILD, OPENED.minusYears(10), Sex.MALE,
                false, false, OPENED, null, PII);
        CaseState withChild = decider.evolve(s, decider.decide(child, s).get(0));
        assertThatThrownBy(() -> decider.decide(new CaseCommand.StartUnemployment(child.personId(), OPENED, null), withChild))
                .hasFieldOrPropertyWithValue("code", "too-young");
    }

    @Test
    void incomeIsConsistentAndBelongsToAMember() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        java.math.BigDecimal gross = new java.math.BigDecimal("500.00");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareIncome(UUID.randomUUID(),
                de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT, YearMonth.of(2026, 4), null, gross, gross,
                java.math.BigDecimal.ZERO), s)).hasFieldOrPropertyWithValue("code", "not-a-member");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareIncome(head,
                de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT, YearMonth.of(2026, 4), null, gross,
                new java.math.BigDecimal("600.00"), java.math.BigDecimal.ZERO), s)).hasFieldOrPropertyWithValue("field", "net");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareIncome(head,
                de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT, YearMonth.of(2026, 4), YearMonth.of(2026, 3), gross,
                gross, java.math.BigDecimal.ZERO), s)).hasFieldOrPropertyWithValue("field", "toMonth");
        assertThat(decider.decide(new CaseCommand.DeclareIncome(head, de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT,
                YearMonth.of(2026, 4), null, gross, new java.math.BigDecimal("400.00"), new java.math.BigDecimal("100.00")), s))
                .hasSize(1);
    }

    @Test
    void theHouseholdIsAtLeastTheCaseAndDatesStartWithSgbII() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        java.math.BigDecimal v = new java.math.BigDecimal("100.00");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareHousingCosts(OPENED, v, v, v, 0, null, false), s))
                .hasFieldOrPropertyWithValue("field", "householdSize");
        assertThat(decider.decide(new CaseCommand.DeclareHousingCosts(OPENED, v, v, v, 2, null, false), s)).hasSize(1);
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareAssets(head,
                de.auseinerhand.events.registry.AssetKind.CASH, v, LocalDate.of(2004, 12, 31)), s))
                .hasFieldOrPropertyWithValue("code", "before-sgb-ii");
    }

    @Test
    void aCaseHasOnePartnerAndErasureHappensOnce() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        var p1 = person(PersonRole.PARTNER, LocalDate.of(1985, 1, 1));
        CaseState withPartner = decider.evolve(s, decider.decide(p1, s).get(0));
        assertThatThrownBy(() -> decider.decide(person(PersonRole.PARTNER, LocalDate.of(1986, 1, 1)), withPartner))
                .hasFieldOrPropertyWithValue("code", "one-partner-per-case");
        var erased = decider.decide(new CaseCommand.EraseCaseMemberData(head), s);
        assertThat(erased).singleElement().isInstanceOf(de.auseinerhand.events.registry.PersonDataErased.class);
        assertThat(decider.decide(new CaseCommand.EraseCaseMemberData(head), decider.evolve(s, erased.get(0)))).isEmpty();
    }

    @Test
    void anEmployableMemberIsAtLeast15() {
        var young = new CaseCommand.RegisterPerson(UUID.randomUUID(), PersonRole.CHILD, OPENED.minusYears(14), Sex.MALE,
                true, false, OPENED, null, PII);
        assertThatThrownBy(() -> when(List.of(opened()), young)).hasFieldOrPropertyWithValue("field", "employable");
    }

    @Test
    void nobodyJoinsAMissingCase() {
        assertThatThrownBy(() -> when(List.of(), person(PersonRole.HEAD, LocalDate.of(1988, 4, 12))))
                .hasFieldOrPropertyWithValue("code", "case-not-open");
    }

    private static CaseCommand.RecordCircumstances circumstances(UUID personId, LocalDate from, List<UUID> parents, boolean movedOut,
            de.auseinerhand.events.registry.HealthFacts health) {
        return new CaseCommand.RecordCircumstances(personId, from, parents, null, false, movedOut, false, health, PII);
    }

    private static de.auseinerhand.events.registry.HealthFacts pregnant(LocalDate expected, LocalDate delivered) {
        return new de.auseinerhand.events.registry.HealthFacts(expected, delivered, false, false, null);
    }

    @Test
    void circumstancesBelongToAMemberFromJoiningAndLinkOnlyPlausibleParents() {
        var head = person(PersonRole.HEAD, LocalDate.of(1990, 4, 12));
        var child = new CaseCommand.RegisterPerson(UUID.randomUUID(), PersonRole.CHILD, LocalDate.of(2019, 1, 5), Sex.MALE, false,
                false, OPENED, null, PII);
        var older = new CaseCommand.RegisterPerson(UUID.randomUUID(), PersonRole.CHILD, LocalDate.of(2010, 1, 5), Sex.FEMALE, false,
                false, OPENED, null, PII);
        List<EventData> given = new java.util.ArrayList<>(List.of(opened()));
        for (var p : List.of(head, child, older)) {
            given.addAll(when(given, p));
        }
        assertThat(when(given, circumstances(child.personId(), OPENED, List.of(head.personId(), head.personId()), false, null)))
                .singleElement().isInstanceOfSatisfying(de.auseinerhand.events.registry.CircumstancesRecorded.class, e -> {
                    assertThat(e.parentIds()).as("duplicates collapse").containsExactly(head.personId());
                    assertThat(e.pii()).isEqualTo(PII);
                });
        assertThatThrownBy(() -> when(given, circumstances(UUID.randomUUID(), OPENED, List.of(), false, null)))
                .hasFieldOrPropertyWithValue("field", "personId");
        assertThatThrownBy(() -> when(given, circumstances(child.personId(), OPENED.minusDays(1), List.of(), false, null)))
                .hasFieldOrPropertyWithValue("field", "effectiveFrom");
        assertThatThrownBy(() -> when(given, circumstances(child.personId(), OPENED, List.of(child.personId()), false, null)))
                .hasFieldOrPropertyWithValue("code", "parent-not-member");
        assertThatThrownBy(() -> when(given, circumstances(child.personId(), OPENED, List.of(older.personId()), false, null)))
                .as("9 years older").hasFieldOrPropertyWithValue("code", "parent-too-young");
        assertThatThrownBy(() -> when(given, circumstances(head.personId(), OPENED, List.of(), true, null)))
                .as("§ 20(3) is for under-25s").hasFieldOrPropertyWithValue("field", "movedOutWithoutConsent");
    }

    @Test
    void aPregnancyHasAPlausibleExpectedDelivery() {
        var head = person(PersonRole.HEAD, LocalDate.of(1995, 4, 12));
        List<EventData> given = List.of(opened(), when(List.of(opened()), head).get(0));
        assertThat(when(given, circumstances(head.personId(), OPENED, List.of(), false, pregnant(OPENED.plusDays(200), null)))).hasSize(1);
        assertThatThrownBy(() -> when(given, circumstances(head.personId(), OPENED, List.of(), false, pregnant(OPENED.plusYears(2), null))))
                .hasFieldOrPropertyWithValue("field", "health.expectedDelivery");
        assertThatThrownBy(() -> when(given, circumstances(head.personId(), OPENED, List.of(), false, pregnant(null, OPENED))))
                .hasFieldOrPropertyWithValue("field", "health.deliveredOn");
        assertThatThrownBy(() -> when(given, circumstances(head.personId(), OPENED, List.of(), false,
                pregnant(OPENED.plusDays(200), OPENED.minusYears(1))))).hasFieldOrPropertyWithValue("field", "health.deliveredOn");
        assertThatThrownBy(() -> when(given, circumstances(head.personId(), OPENED, List.of(), false,
                pregnant(OPENED.plusDays(200), OPENED.plusDays(300))))).hasFieldOrPropertyWithValue("field", "health.deliveredOn");
        assertThat(when(given, circumstances(head.personId(), OPENED, List.of(), false, pregnant(OPENED.plusDays(200),
                OPENED.plusDays(190))))).as("born ten days early").hasSize(1);
    }

    @Test
    void exemptionFactsBelongToTheirKindOfAssetOrIncome() {
        UUID head = UUID.randomUUID();
        CaseState s = stateWithHead(head);
        java.math.BigDecimal v = new java.math.BigDecimal("150000.00");
        var estate = de.auseinerhand.events.registry.AssetKind.REAL_ESTATE;
        assertThat(decider.decide(new CaseCommand.DeclareAssets(head, estate, v, OPENED, true, 70, false, false), s)).singleElement()
                .isInstanceOfSatisfying(de.auseinerhand.events.registry.AssetsDeclared.class, e -> {
                    assertThat(e.ownerOccupied()).isTrue();
                    assertThat(e.livingSpace()).isEqualTo(70);
                    assertThat(e.recognisedPensionProvision()).as("not a life insurance: absent").isNull();
                });
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareAssets(head, estate, v, OPENED, true, null, false, false), s))
                .hasFieldOrPropertyWithValue("field", "livingSpace");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareAssets(head, de.auseinerhand.events.registry.AssetKind.CASH, v, OPENED,
                true, 70, false, false), s)).hasFieldOrPropertyWithValue("field", "ownerOccupied");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareAssets(head, estate, v, OPENED, false, null, false, true), s))
                .hasFieldOrPropertyWithValue("field", "recognisedPensionProvision");
        java.math.BigDecimal pa = new java.math.BigDecimal("300.00");
        assertThatThrownBy(() -> decider.decide(new CaseCommand.DeclareIncome(head, de.auseinerhand.events.registry.IncomeKind.EMPLOYMENT,
                YearMonth.of(2026, 4), null, pa, pa, java.math.BigDecimal.ZERO, true), s)).hasFieldOrPropertyWithValue("field", "earnedBeforeBirth");
        assertThat(decider.decide(new CaseCommand.DeclareIncome(head, de.auseinerhand.events.registry.IncomeKind.PARENTAL_ALLOWANCE,
                YearMonth.of(2026, 4), null, pa, pa, java.math.BigDecimal.ZERO, true), s)).singleElement()
                .isInstanceOfSatisfying(de.auseinerhand.events.registry.IncomeDeclared.class, e -> assertThat(e.earnedBeforeBirth()).isTrue());
    }
}
