package de.auseinerhand.benefits.domain.calculation;

import static de.auseinerhand.benefits.domain.calculation.HouseholdBuilder.eur;
import static de.auseinerhand.benefits.domain.calculation.HouseholdBuilder.household;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.events.registry.IncomeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Impossible households are refused with the field that makes them impossible. */
class InvalidHouseholdTest {

    static void refused(HouseholdBuilder h, String field, String messagePart) {
        assertThatThrownBy(() -> WorkedExamplesTest.CALCULATOR.calculate(h.build()))
                .isInstanceOfSatisfying(InvalidHouseholdException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problems())
                        .anySatisfy(p -> {
                            org.assertj.core.api.Assertions.assertThat(p.field()).isEqualTo(field);
                            org.assertj.core.api.Assertions.assertThat(p.message()).contains(messagePart);
                        }));
    }

    @Test
    @DisplayName("§ 7(3) Nr. 3: a partner aged 12")
    void childPartner() {
        refused(household("2024-03").head(30).and().partner(12).and().rent(500, 100), "members[1].age", "§ 7(3) Nr. 3");
    }

    @Test
    @DisplayName("a child older than its parent")
    void childOlderThanParent() {
        refused(household("2024-03").head(30).and().child("c", 35).and().rent(500, 100), "members[1].age", "§ 7(3) Nr. 4");
        refused(household("2024-03").head(20).and().child("c", 22).parents("head").and().rent(500, 100), "members[1].parentIds[0]",
                "must be older than the child");
    }

    @Test
    @DisplayName("negative income, taxes above the gross")
    void negativeIncome() {
        refused(household("2024-03").head(30).income(IncomeKind.OTHER, "-5.00").and().rent(500, 100), "members[0].incomes[0].gross",
                "must not be negative");
        refused(household("2024-03").head(30).wage("100", "-20").and().rent(500, 100), "members[0].incomes[0].socialContributions",
                "exceed the gross");
    }

    @Test
    @DisplayName("unknown municipality, month outside every rule set, missing or inconsistent housing data")
    void referenceData() {
        refused(household("2024-03").head(30).and().municipality("05958999").rent(500, 100), "municipality", "unknown municipality");
        refused(household("2022-06").head(30).and().rent(500, 100), "month", "no rule set covers 2022-06");
        refused(household("2024-03").head(30).and().child("c", 3).and().rent(500, 100).persons(1), "housing.personsInHousehold",
                "at least the 2 members");
    }

    @Test
    @DisplayName("structure: no head, two partners, unknown parent, dates outside the month")
    void structure() {
        refused(household("2024-03").partner(30).and().rent(500, 100), "members", "exactly one member with role HEAD");
        refused(household("2024-03").head(30).and().child("c", 3).parents("mum").and().rent(500, 100), "members[1].parentIds[0]",
                "not another member");
        refused(household("2024-03").head(30).and().rent(500, 100).days("2024-04-02", null), "from", "must lie in the benefit month");
        refused(household("2024-03").head(30).reduction(120).and().rent(500, 100), "members[0].reductionPercent", "between 0 and 100");
        refused(household("2024-03").head(30).and().child("c", 0).born("2024-05-01").and().rent(500, 100), "members[1].birthDate",
                "after the benefit month");
    }

    @Test
    @DisplayName("missing housing data")
    void missingHousing() {
        Household h = household("2024-03").head(30).and().rent(500, 100).build();
        Household without = new Household(h.month(), null, null, h.municipality(), null, h.members(), null, h.assets(), 0, false);
        assertThatThrownBy(() -> WorkedExamplesTest.CALCULATOR.calculate(without))
                .isInstanceOfSatisfying(InvalidHouseholdException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problems())
                        .extracting(InvalidHouseholdException.Problem::field).contains("housing"));
        org.assertj.core.api.Assertions.assertThat(eur(1)).isEqualTo(Money.euros(1));
    }
}
