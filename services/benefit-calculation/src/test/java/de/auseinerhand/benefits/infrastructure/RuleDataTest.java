package de.auseinerhand.benefits.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.benefits.domain.rules.RuleSet;
import de.auseinerhand.benefits.domain.rules.RuleSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule sets are data: district IT's own directory replaces the built-in files, is validated at start, and says what is confirmed. */
class RuleDataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBuiltInRuleSetsNameTheLawAndItsSources() {
        RuleSets sets = RuleFiles.ruleSets();
        RuleSet july = sets.forMonth(YearMonth.of(2026, 7));
        assertThat(july.id()).isEqualTo("2026-07");
        assertThat(july.law().benefitName()).isEqualTo("Grundsicherungsgeld");
        assertThat(july.law().sources()).isNotEmpty();
        assertThat(july.law().toConfirm()).isNotEmpty();
        assertThat(july.law().disputeProcedure()).isFalse();
        assertThat(sets.forMonth(YearMonth.of(2026, 6)).law().benefitName()).isEqualTo("Bürgergeld");
        assertThat(sets.forMonth(YearMonth.of(2026, 6)).law().disputeProcedure()).isTrue();
        // confirmed: every month before the last rule set; the last one until its confirmedUntil
        assertThat(RuleBook.confirmed(sets, YearMonth.of(2026, 3))).isTrue();
        assertThat(RuleBook.confirmed(sets, YearMonth.of(2026, 12))).isTrue();
        assertThat(RuleBook.confirmed(sets, YearMonth.of(2027, 1))).as("2027 amounts are not set yet").isFalse();
    }

    @Test
    void aDirectoryReplacesTheBuiltInRuleSets(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(getClass().getClassLoader().getResourceAsStream(RuleFiles.RULE_SETS));
        ArrayNode list = (ArrayNode) root.get("ruleSets");
        ObjectNode next = ((ObjectNode) list.get(list.size() - 1)).deepCopy();
        next.put("id", "2027-01").put("validFrom", "2027-01-01").put("confirmedUntil", "2027-12-31");
        ((ObjectNode) next.get("standardNeed")).put("1", 570.00);
        list.add(next);
        Files.writeString(dir.resolve("rule-sets.json"), JSON.writeValueAsString(root));
        RuleSets sets = RuleFiles.ruleSets(Optional.of(dir));
        assertThat(sets.forMonth(YearMonth.of(2027, 1)).standardNeed(1).toString()).isEqualTo("570.00");
        assertThat(RuleBook.confirmed(sets, YearMonth.of(2027, 1))).isTrue();
        assertThat(RuleFiles.origin(Optional.of(dir), "rule-sets.json")).isEqualTo(dir.resolve("rule-sets.json").toString());
        // the adequacy limits stay built in when the directory has none
        assertThat(RuleFiles.adequacyLimits(Optional.of(dir)).exampleData()).isTrue();
        assertThat(sets.on(LocalDate.of(2026, 7, 1)).id()).isEqualTo("2026-07");
    }

    @Test
    void brokenRuleDataStopsTheStartNamingTheValue(@TempDir Path dir) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(getClass().getClassLoader().getResourceAsStream(RuleFiles.RULE_SETS));
        ObjectNode last = (ObjectNode) root.get("ruleSets").get(root.get("ruleSets").size() - 1);
        ((ObjectNode) last.get("housing")).put("waitingPeriodCapFactor", 0.5);
        Files.writeString(dir.resolve("rule-sets.json"), JSON.writeValueAsString(root));
        assertThatThrownBy(() -> RuleFiles.ruleSets(Optional.of(dir))).hasMessageContaining("ruleSets[5].housing.waitingPeriodCapFactor");
        ((ObjectNode) last.get("housing")).put("waitingPeriodCapFactor", 1.5);
        ((ObjectNode) last.get("reductions")).put("capPercent", 130);
        Files.writeString(dir.resolve("rule-sets.json"), JSON.writeValueAsString(root));
        assertThatThrownBy(() -> RuleFiles.ruleSets(Optional.of(dir))).hasMessageContaining("ruleSets[5].reductions.capPercent");
        Files.writeString(dir.resolve("rule-sets.json"), "{ not json");
        assertThatThrownBy(() -> RuleFiles.ruleSets(Optional.of(dir))).hasMessageContaining(dir.resolve("rule-sets.json").toString());
    }
}
