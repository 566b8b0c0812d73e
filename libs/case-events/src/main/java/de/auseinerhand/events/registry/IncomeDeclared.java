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
        BigDecimal socialContributions,
        @OptionalField Boolean earnedBeforeBirth) implements EventData {

    /** Without {@code earnedBeforeBirth} (only parental allowance has it: § 10(5) BEEG, the part left free). */
    public IncomeDeclared(UUID personId, IncomeKind kind, YearMonth fromMonth, YearMonth toMonth, BigDecimal gross, BigDecimal net,
            BigDecimal socialContributions) {
        this(personId, kind, fromMonth, toMonth, gross, net, socialContributions, null);
    }
}
