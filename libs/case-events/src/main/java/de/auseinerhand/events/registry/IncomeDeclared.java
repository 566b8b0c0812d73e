package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/** Income of a member for a month or a period of months (§§ 11-11b SGB II). */
@CaseEventType(domain = "registry", name = "income-declared")
public record IncomeDeclared(
        UUID personId,
        IncomeKind kind,
        YearMonth fromMonth,
        @OptionalField YearMonth toMonth,
        BigDecimal gross,
        BigDecimal net,
        BigDecimal socialContributions) implements EventData {
}
