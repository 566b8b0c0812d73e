package de.auseinerhand.benefits.domain.rules;

import de.auseinerhand.benefits.domain.calculation.Money;

/** The adequacy limits (§ 22(1) SGB II) for one household size: gross cold rent and heating per month. */
public record AdequacyLimit(Money grossColdRent, Money heating, String source) {
}
