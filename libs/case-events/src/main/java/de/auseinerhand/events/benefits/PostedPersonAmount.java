package de.auseinerhand.events.benefits;

import java.math.BigDecimal;
import java.util.UUID;

/** What was posted for one member in one month; {@code payable = llu + kdu - reduction}. */
public record PostedPersonAmount(UUID personId, BigDecimal llu, BigDecimal kdu, BigDecimal reduction, BigDecimal payable) {
}
