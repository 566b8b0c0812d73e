package de.auseinerhand.events.registry;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An asset of a member at market value (§ 12 SGB II), from {@code effectiveFrom}, with what decides its exemptions
 * (§ 12(1) S. 2): an owner-occupied home of adequate size (Nr. 5), a recognised pension provision (Nr. 3).
 *
 * @param ownerOccupied              REAL_ESTATE only: the household lives in it
 * @param livingSpace                REAL_ESTATE only, with {@code ownerOccupied}: square metres of living space
 * @param house                      REAL_ESTATE only: a house (else a flat)
 * @param recognisedPensionProvision LIFE_INSURANCE only: recognised as pension provision
 */
@CaseEventType(domain = "registry", name = "assets-declared")
public record AssetsDeclared(
        UUID personId,
        AssetKind kind,
        BigDecimal value,
        LocalDate effectiveFrom,
        @OptionalField Boolean ownerOccupied,
        @OptionalField Integer livingSpace,
        @OptionalField Boolean house,
        @OptionalField Boolean recognisedPensionProvision) implements EventData {

    /** Without the facts of the exemptions (none applies). */
    public AssetsDeclared(UUID personId, AssetKind kind, BigDecimal value, LocalDate effectiveFrom) {
        this(personId, kind, value, effectiveFrom, null, null, null, null);
    }
}
