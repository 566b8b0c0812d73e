package de.auseinerhand.events.benefits;

import java.math.BigDecimal;

/** One additional need (§ 21 SGB II) of a person with its monthly amount; {@code ground} names the paragraph. */
public record AdditionalNeedAmount(String ground, BigDecimal amount) {
}
