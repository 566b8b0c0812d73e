package de.auseinerhand.events.benefits;

import java.time.LocalDate;

/** A closed date range, both ends inclusive. */
public record Period(LocalDate from, LocalDate to) {
}
