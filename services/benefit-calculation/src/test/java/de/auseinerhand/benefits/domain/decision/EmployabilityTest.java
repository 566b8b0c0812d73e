package de.auseinerhand.benefits.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.registry.PersonRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who counts as employable in a month of a decision computed from registry facts (§ 7(1) Nr. 1, § 7a, § 8, § 44a). */
class EmployabilityTest {
    static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    static CaseFacts.PersonFact child(boolean registeredEmployable, LocalDate registered, CaseFacts.EmployabilityFact... changes) {
        List<CaseFacts.EmployabilityFact> all = new java.util.ArrayList<>(List.of(changes));
        all.add(new CaseFacts.EmployabilityFact(true, registeredEmployable, registered, T));
        return new CaseFacts.PersonFact(UUID.randomUUID(), PersonRole.CHILD, YearMonth.of(2011, 6), registeredEmployable, false, registered,
                null, all);
    }

    @Test
    void aChildRegisteredUnder15IsEmployableFromTheMonthOfTheFifteenthBirthday() {
        CaseFacts.PersonFact p = child(false, LocalDate.of(2024, 2, 1));
        assertThat(p.employableIn(YearMonth.of(2026, 5))).isFalse();
        assertThat(p.employableIn(YearMonth.of(2026, 6))).isTrue();
        assertThat(p.employableIn(YearMonth.of(2027, 1))).isTrue();
    }

    @Test
    void aFindingOfTheMedicalServiceCountsInBothDirections() {
        CaseFacts.PersonFact p = child(false, LocalDate.of(2024, 2, 1),
                new CaseFacts.EmployabilityFact(false, false, LocalDate.of(2026, 6, 1), T.plusSeconds(60)),
                new CaseFacts.EmployabilityFact(false, true, LocalDate.of(2026, 10, 15), T.plusSeconds(120)));
        assertThat(p.employableIn(YearMonth.of(2026, 6))).as("recorded as not able to work from the birthday").isFalse();
        assertThat(p.employableIn(YearMonth.of(2026, 9))).isFalse();
        assertThat(p.employableIn(YearMonth.of(2026, 10))).as("able again on the month's last day").isTrue();
    }

    @Test
    void someoneRegisteredAt15OrLaterIsAsRegisteredAndNobodyIsBeyondTheAgeLimit() {
        CaseFacts.PersonFact adult = new CaseFacts.PersonFact(UUID.randomUUID(), PersonRole.HEAD, YearMonth.of(1960, 3), false, false,
                LocalDate.of(2023, 1, 1), null, List.of(new CaseFacts.EmployabilityFact(true, false, LocalDate.of(2023, 1, 1), T)));
        assertThat(adult.employableIn(YearMonth.of(2024, 1))).isFalse();
        CaseFacts.PersonFact older = new CaseFacts.PersonFact(UUID.randomUUID(), PersonRole.HEAD, YearMonth.of(1960, 3), true, false,
                LocalDate.of(2023, 1, 1), null, List.of(new CaseFacts.EmployabilityFact(true, true, LocalDate.of(2023, 1, 1), T)));
        // § 7a: born 1960, 66 years and 4 months: up to July 2026
        assertThat(older.employableIn(YearMonth.of(2026, 7))).isTrue();
        assertThat(older.employableIn(YearMonth.of(2026, 8))).isFalse();
    }
}
