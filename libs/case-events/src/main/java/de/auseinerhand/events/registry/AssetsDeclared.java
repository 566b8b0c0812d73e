package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An asset of a member at market value (§ 12 SGB II), from {@code effectiveFrom}. */
@CaseEventType(domain = "registry", name = "assets-declared")
public record AssetsDeclared(
        UUID personId,
        AssetKind kind,
        BigDecimal value,
        LocalDate effectiveFrom) implements EventData {
}
