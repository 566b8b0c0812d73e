package de.auseinerhand.benefits.application;

import java.time.YearMonth;
import java.util.UUID;

/** A registry fact of a case changed from {@code fromMonth} on (may lie in the past). Fired inside the consumer's transaction. */
public record FactsChanged(String caseId, YearMonth fromMonth, String eventType, UUID eventId) {
}
