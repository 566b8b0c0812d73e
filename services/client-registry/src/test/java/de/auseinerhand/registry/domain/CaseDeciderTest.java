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

    @Test
    void nobodyJoinsAMissingCase() {
        assertThatThrownBy(() -> when(List.of(), person(PersonRole.HEAD, LocalDate.of(1988, 4, 12))))
                .hasFieldOrPropertyWithValue("code", "case-not-open");
    }
}
