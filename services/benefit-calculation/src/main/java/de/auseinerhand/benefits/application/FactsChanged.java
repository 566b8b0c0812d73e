package de.auseinerhand.benefits.application;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A registry fact of a case changed from {@code fromMonth} on (may lie in the past). Fired inside the consumer's transaction.
 * {@code migrated}: the fact was taken over from the old system (its actor is a migration run), so it is what the migrated
 * decisions were based on already.
 */
public record FactsChanged(String caseId, YearMonth fromMonth, String eventType, UUID eventId, boolean migrated) {
}
