package de.auseinerhand.benefits.domain.rules;

import de.auseinerhand.benefits.domain.calculation.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Housing-cost adequacy limits per municipality (AGS), validity start and household size
 * (§ 22(1) SGB II; each municipality's "schlüssiges Konzept"). Data, not code.
 */
public final class AdequacyLimits {

    /** Limits of one municipality from one date; index = household size (1..n), larger households add the per-person amounts. */
    public record Table(LocalDate validFrom, Money[] grossColdRent, Money rentPerFurtherPerson, Money[] heating,
                        Money heatingPerFurtherPerson) {
    }

    private final Map<String, List<Table>> byMunicipality;
    private final boolean exampleData;

    public AdequacyLimits(Map<String, List<Table>> byMunicipality, boolean exampleData) {
        this.byMunicipality = Map.copyOf(byMunicipality);
        this.exampleData = exampleData;
    }

    public boolean knows(String ags) {
        return byMunicipality.containsKey(ags);
    }

    public boolean exampleData() {
        return exampleData;
    }

    /** The limit for a household of {@code persons} in municipality {@code ags} on {@code day}, or null if none is in force. */
    public AdequacyLimit limit(String ags, LocalDate day, int persons) {
        List<Table> tables = byMunicipality.get(ags);
        if (tables == null) {
            return null;
        }
        Table found = null;
        for (Table t : tables) {
            if (!t.validFrom().isAfter(day) && (found == null || t.validFrom().isAfter(found.validFrom()))) {
                found = t;
            }
        }
        if (found == null) {
            return null;
        }
        int max = found.grossColdRent().length - 1;
        Money rent = persons <= max ? found.grossColdRent()[persons]
                : found.grossColdRent()[max].plus(Money.ofCents(found.rentPerFurtherPerson().cents() * (persons - max)));
        int maxH = found.heating().length - 1;
        Money heating = persons <= maxH ? found.heating()[persons]
                : found.heating()[maxH].plus(Money.ofCents(found.heatingPerFurtherPerson().cents() * (persons - maxH)));
        return new AdequacyLimit(rent, heating, "municipality " + ags + " from " + found.validFrom()
                + (exampleData ? " (example data)" : ""));
    }
}
