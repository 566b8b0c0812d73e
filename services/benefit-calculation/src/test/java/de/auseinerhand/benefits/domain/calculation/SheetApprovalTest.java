package de.auseinerhand.benefits.domain.calculation;

import static de.auseinerhand.benefits.domain.calculation.HouseholdBuilder.household;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import de.auseinerhand.benefits.infrastructure.SheetJson;
import de.auseinerhand.events.registry.IncomeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON of the calculation sheet: the same text is stored with decisions and shown to
 * portals, so any change to it must be deliberate. Run with {@code -Daeh.approve=true} to accept
 * a change, then review the diff of {@code src/test/resources/approved/}.
 */
class SheetApprovalTest {

    @Test
    void singleWithWage() throws IOException {
        approve("sheet-single-with-wage", household("2024-03").head(35).wage("800", "640").and().rent(400, 80));
    }

    @Test
    void familyWithChildLeavingTheCase() throws IOException {
        approve("sheet-family-child-leaves", household("2024-03").head(40).wage("1200", "900").and().partner(38).pregnant().and()
                .child("c17", 17).income(IncomeKind.MAINTENANCE, "900").childBenefit("250").and()
                .child("c4", 4).childBenefit("250").and().rent(700, 160).monthsOfReceipt(3).days("2024-03-10", null));
    }

    @Test
    void cappedHousingAndReduction() throws IOException {
        approve("sheet-capped-housing-reduction", household("2025-06").head(50).reduction(20).and().rent("480.00", "65.50", "120.00")
                .monthsOfReceipt(20).costReductionMonths(6).decentralHotWater());
    }

    static void approve(String name, HouseholdBuilder h) throws IOException {
        String json = SheetJson.mapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(WorkedExamplesTest.CALCULATOR.calculate(h.build())) + "\n";
        Path approved = Path.of("src/test/resources/approved", name + ".json");
        if (Boolean.getBoolean("aeh.approve")) {
            Files.createDirectories(approved.getParent());
            Files.writeString(approved, json, StandardCharsets.UTF_8);
        }
        assertThat(approved).as("approved file (run with -Daeh.approve=true to create it)").exists();
        assertThat(json).isEqualTo(Files.readString(approved, StandardCharsets.UTF_8));
    }
}
