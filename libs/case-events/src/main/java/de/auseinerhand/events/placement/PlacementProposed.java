package de.auseinerhand.events.placement;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A job offer proposed to a client, with the matching score and its reasons. */
@CaseEventType(domain = "placement", name = "placement-proposed")
public record PlacementProposed(
        UUID personId,
        UUID offerId,
        BigDecimal score,
        List<String> reasons) implements EventData {
}
