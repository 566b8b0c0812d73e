package de.auseinerhand.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.auseinerhand.matching.Places;
import de.auseinerhand.migration.format.HouseholdValidator;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.migration.format.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration file's checks (issue 14 §1): a complete household of the reference district passes; each kind of fault
 * is reported with its field and a reason, and a faulty household is rejected as a whole. Expected sums worked out by hand.
 */
class HouseholdValidatorTest {
    static final LocalDate CUT_OVER = LocalDate.of(2026, 12, 1);
    static final HouseholdValidator VALIDATOR = new HouseholdValidator(Main.municipalities(Places.load(Optional.empty())), CUT_OVER);

    static ObjectNode sample() throws IOException {
        try (InputStream in = HouseholdValidatorTest.class.getClassLoader().getResourceAsStream("household.json")) {
            return (ObjectNode) Validation.JSON.readTree(in);
        }
    }

    static List<Problem> problems(Consumer<ObjectNode> change) throws IOException {
        ObjectNode h = sample();
        change.accept(h);
        // through the text, as the file is read
        return VALIDATOR.validate(Validation.JSON.readTree(Validation.JSON.writeValueAsString(h)));
    }

    static ObjectNode at(ObjectNode h, String array, int i) {
        return (ObjectNode) h.withArray(array).get(i);
    }

    @Test
    void aCompleteHouseholdPasses() throws IOException {
        assertThat(VALIDATOR.validate(sample())).isEmpty();
        assertThat(Main.municipalities(Places.load(Optional.empty()))).hasSize(12).contains("05958032", "05958012");
    }

    @Test
    void theShapeIsCheckedFieldByField() throws IOException {
        assertThat(problems(h -> h.remove("openedOn"))).containsExactly(new Problem("openedOn", "is required"));
        assertThat(problems(h -> h.put("favouriteColour", "blau"))).containsExactly(new Problem("favouriteColour", "is not a field of the format"));
        assertThat(problems(h -> at(h, "members", 0).put("firstName", "E".repeat(101))))
                .extracting(Problem::field).containsExactly("members[0].firstName");
        assertThat(problems(h -> at(h, "decisions", 0).put("total", new BigDecimal("1043.005"))))
                .extracting(Problem::field).contains("decisions[0].total");
        assertThat(problems(h -> at(h, "members", 1).put("sex", "W"))).extracting(Problem::field).containsExactly("members[1].sex");
        assertThat(problems(h -> h.put("municipality", "5958032"))).extracting(Problem::field).containsExactly("municipality");
        assertThat(problems(h -> at(h, "postings", 0).put("month", "2021-13"))).extracting(Problem::field).containsExactly("postings[0].month");
        assertThat(problems(h -> at(h, "decisions", 0).put("federalShare", -1))).extracting(Problem::field).contains("decisions[0].federalShare");
        assertThat(problems(h -> h.put("householdId", "ALT 123"))).extracting(Problem::field).containsExactly("householdId");
        assertThat(problems(h -> h.withArray("members").removeAll())).extracting(Problem::field).containsExactly("members");
    }

    @Test
    void datesMustExistLieInOrderAndWithinTheCase() throws IOException {
        assertThat(problems(h -> h.put("openedOn", "2023-02-30"))).extracting(Problem::field).contains("openedOn");
        assertThat(problems(h -> h.put("openedOn", "2004-12-01"))).contains(new Problem("openedOn", "is before 2005-01-01 (SGB II)"));
        assertThat(problems(h -> h.put("closedOn", "2020-01-01"))).contains(new Problem("closedOn", "is before openedOn 2021-03-01"));
        assertThat(problems(h -> at(h, "members", 1).put("joinedOn", "2021-02-01")))
                .containsExactly(new Problem("members[1].joinedOn", "is before the case was opened on 2021-03-01"));
        assertThat(problems(h -> ((ObjectNode) at(h, "members", 0).withArray("unemployment").get(1)).put("from", "2022-06-30")))
                .containsExactly(new Problem("members[0].unemployment[1].from", "overlaps the period before (ending 2022-06-30)"));
        assertThat(problems(h -> ((ObjectNode) at(h, "members", 0).withArray("unemployment").get(0)).remove("to")))
                .containsExactly(new Problem("members[0].unemployment[0].to", "is missing, but a later period follows"));
        assertThat(problems(h -> at(h, "moves", 0).put("to", "05958032")))
                .containsExactly(new Problem("moves[0].to", "is the municipality the case is in already"));
        assertThat(problems(h -> at(h, "moves", 0).put("to", "05958999")))
                .containsExactly(new Problem("moves[0].to", "is not a municipality of the district"));
        assertThat(problems(h -> at(h, "measures", 0).put("end", "2027-01-31")))
                .containsExactly(new Problem("measures[0].end", "is after the cut-over day 2026-12-01 (the last day the old system recorded)"));
        assertThat(problems(h -> at(h, "decisions", 1).put("from", "2022-02-01")))
                .containsExactly(new Problem("decisions[1].from", "overlaps the decision for 2021-03-01 to 2022-02-28"));
        assertThat(problems(h -> at(h, "decisions", 0).put("from", "2021-03-15")))
                .extracting(Problem::reason).containsExactly("does not start a month (decisions grant whole months from their first day, § 41 SGB II)");
        // two functions may start on the same day, one function twice may not
        assertThat(problems(h -> at(h, "caseworkers", 1).put("from", "2021-03-01"))).isEmpty();
        assertThat(problems(h -> at(h, "caseworkers", 1).put("function", "BENEFITS").put("from", "2021-03-01")))
                .containsExactly(new Problem("caseworkers[1].from", "is not after the BENEFITS case worker before (2021-03-01)"));
        // a pregnancy recorded for a man
        assertThat(problems(h -> at(h, "members", 0).put("sex", "MALE"))).extracting(Problem::field)
                .containsExactly("members[0].circumstances[0]", "members[0].circumstances[1]");
    }

    @Test
    void amountsMustAddUpAsTheOldSystemPaidThem() throws IOException {
        // 446 + 117 = 563 federal, 240 + 240 = 480 municipal, 563 + 480 = 1043 in the sample; shift one cent
        assertThat(problems(h -> at(h, "decisions", 0).put("total", new BigDecimal("1043.01"))))
                .containsExactly(new Problem("decisions[0].total", "is not federalShare + municipalShare (1043.00)"));
        assertThat(problems(h -> ((ObjectNode) at(h, "decisions", 0).withArray("members").get(1)).put("llu", new BigDecimal("117.01"))))
                .containsExactly(new Problem("decisions[0].federalShare", "is not the sum of the members' llu (563.01)"));
        assertThat(problems(h -> at(h, "postings", 0).put("payable", new BigDecimal("1042.00"))))
                .contains(new Problem("postings[0].payable", "is not llu + kdu - reductions (1043.00)"));
        // a reduction of 30 % of 446 = 133.80 for the head: her payable falls to 552.20, the household's to 909.20
        assertThat(problems(h -> {
            ObjectNode p = at(h, "postings", 0);
            ((ObjectNode) p.withArray("members").get(0)).put("reduction", new BigDecimal("133.80")).put("payable", new BigDecimal("552.20"));
            p.put("reductions", new BigDecimal("133.80")).put("payable", new BigDecimal("909.20"));
        })).isEmpty();
        assertThat(problems(h -> {
            ArrayNode postings = h.withArray("postings");
            postings.add(postings.get(0).deepCopy());
        })).containsExactly(new Problem("postings[1].month", "is posted twice"));
    }

    @Test
    void housingCostsAndIncomesAreCheckedWithTheirFields() throws IOException {
        // the shape: a negative rent, an unknown kind of income, a field the format does not know
        assertThat(problems(h -> at(h, "housing", 0).put("rent", -1))).extracting(Problem::field).containsExactly("housing[0].rent");
        assertThat(problems(h -> ((ObjectNode) at(h, "members", 1).withArray("incomes").get(0)).put("kind", "LOTTERY")))
                .extracting(Problem::field).containsExactly("members[1].incomes[0].kind");
        assertThat(problems(h -> at(h, "housing", 1).put("warmRent", 575))).containsExactly(
                new Problem("housing[1].warmRent", "is not a field of the format"));
        assertThat(problems(h -> at(h, "housing", 0).remove("householdSize"))).containsExactly(
                new Problem("housing[0].householdSize", "is required"));
        // in order within the case's time, for at least the members of that day (two from 2021-03-01)
        assertThat(problems(h -> at(h, "housing", 1).put("from", "2021-02-01"))).extracting(Problem::field).containsExactly("housing[1].from");
        assertThat(problems(h -> at(h, "housing", 0).put("from", "2021-02-28"))).extracting(Problem::field).containsExactly("housing[0].from");
        assertThat(problems(h -> at(h, "housing", 0).put("householdSize", 1))).containsExactly(
                new Problem("housing[0].householdSize", "is less than the 2 members of the case on 2021-03-01"));
        // an income while a member, before the cut-over, net and contributions within the gross
        ObjectNode[] income = new ObjectNode[1];
        Consumer<ObjectNode> first = h -> income[0] = (ObjectNode) at(h, "members", 0).withArray("incomes").get(0);
        assertThat(problems(first.andThen(h -> income[0].put("fromMonth", "2021-02")))).containsExactly(
                new Problem("members[0].incomes[0].fromMonth", "is outside the membership's months 2021-03 to 2026-12"));
        assertThat(problems(first.andThen(h -> income[0].put("toMonth", "2022-06")))).containsExactly(
                new Problem("members[0].incomes[0].toMonth", "is before fromMonth 2022-07"));
        assertThat(problems(first.andThen(h -> income[0].put("net", 1900.01)))).containsExactly(
                new Problem("members[0].incomes[0].net", "is more than the gross 1900.00"));
        assertThat(problems(first.andThen(h -> income[0].put("socialContributions", 399.01)))).containsExactly(
                new Problem("members[0].incomes[0].socialContributions", "and net are more than the gross 1900.00"));
        assertThat(problems(first.andThen(h -> income[0].put("earnedBeforeBirth", true)))).containsExactly(
                new Problem("members[0].incomes[0].earnedBeforeBirth", "is only for kind PARENTAL_ALLOWANCE"));
        // a household without either is still a household of the format (the old system may not have them)
        assertThat(problems(h -> {
            h.remove("housing");
            ((ObjectNode) h.withArray("members").get(0)).remove("incomes");
            ((ObjectNode) h.withArray("members").get(1)).remove("incomes");
        })).isEmpty();
    }

    @Test
    void everyReferenceNamesAMemberOfTheHousehold() throws IOException {
        assertThat(problems(h -> at(h, "measures", 0).put("personId", "P-9")))
                .containsExactly(new Problem("measures[0].personId", "names no member of the household"));
        assertThat(problems(h -> ((ObjectNode) at(h, "decisions", 0).withArray("members").get(1)).put("personId", "P-1")))
                .contains(new Problem("decisions[0].members[1].personId", "appears twice in the decision"));
        assertThat(problems(h -> at(h, "members", 1).put("personId", "P-1")))
                .contains(new Problem("members[1].personId", "appears twice in the household"));
        assertThat(problems(h -> at(h, "members", 0).put("role", "PARTNER")))
                .containsExactly(new Problem("members", "has no HEAD (the person who applied)"));
        // Erika left on 2022-01-01: the later decision and the integration name someone who was no longer a member
        assertThat(problems(h -> {
            at(h, "members", 0).put("leftOn", "2022-01-01");
            at(h, "members", 0).withArray("unemployment").remove(1);
            at(h, "members", 0).remove("circumstances");
        })).extracting(Problem::field).contains("integrations[0].personId", "decisions[1].members[0].personId")
                .doesNotContain("measures[0].personId", "decisions[0].members[0].personId");
    }

    @Test
    void theFileIsCheckedLineByLineWithAReport(@TempDir Path dir) throws IOException {
        ObjectNode good = sample();
        ObjectNode second = sample();
        second.put("householdId", "ALT-2021-000124");
        ObjectNode bad = sample();
        bad.put("householdId", "ALT-2021-000125");
        at(bad, "decisions", 0).put("total", new BigDecimal("1000.00"));
        String json = Validation.JSON.writeValueAsString(good);
        Path file = dir.resolve("district.jsonl");
        Files.writeString(file, String.join("\n", json, Validation.JSON.writeValueAsString(second), "{not json",
                Validation.JSON.writeValueAsString(bad), "", json) + "\n", StandardCharsets.UTF_8);
        Path report = dir.resolve("report.jsonl");
        List<Long> accepted = new ArrayList<>();

        Validation.Summary s = new Validation(VALIDATOR).run(file, report, (line, h) -> accepted.add(line), Progress.silent());

        assertThat(accepted).containsExactly(1L, 2L);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.rejected()).isEqualTo(3);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(report)) {
            lines.add(Validation.JSON.readTree(l));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(lines.get(0).get("reason").asText()).isEqualTo("is not a JSON object");
        assertThat(lines.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(lines.get(1).get("householdId").asText()).isEqualTo("ALT-2021-000125");
        assertThat(lines.get(1).get("field").asText()).isEqualTo("decisions[0].total");
        assertThat(lines.get(2).get("line").asLong()).isEqualTo(6);
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("appears on line 1 already");
    }

    @Test
    void theCommandLineExitsWithTwoWhenLinesAreRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, Validation.JSON.writeValueAsString(sample()) + "\n");
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T08:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(Main.run(new String[] {"validate", file.toString()}, clock)).isZero();
        Files.writeString(file, "[]\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(Main.run(new String[] {"validate", file.toString(), "--report", dir.resolve("r.jsonl").toString()}, clock)).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("r.jsonl"))).contains("\"line\":2");
        assertThat(Main.run(new String[] {"import", file.toString(), "--registy", "http://127.0.0.1:8081"}, clock)).isEqualTo(1);
    }

    @Test
    void progressShowsRateAndEta() {
        java.time.Instant t0 = java.time.Instant.parse("2026-12-01T08:00:00Z");
        java.time.Clock clock = java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC);
        Progress p = new Progress(System.err, clock, 1000, "validating");
        assertThat(p.render(200, 50, t0.plusSeconds(10))).isEqualTo("validating: [#######                       ] 250 households (50 rejected), 25/s, ETA 0:30");
    }

    @Test
    void measuresAndIntegrationsAreForEmployableMembersWithOneEmploymentAtATime() throws IOException {
        // the child (P-2, not employable) in a measure or an employment: § 8 SGB II
        assertThat(problems(h -> at(h, "measures", 0).put("personId", "P-2")))
                .containsExactly(new Problem("measures[0].personId", "names P-2, who was not employable on 2021-05-03 (§ 8 SGB II)"));
        assertThat(problems(h -> at(h, "integrations", 0).put("personId", "P-2")))
                .containsExactly(new Problem("integrations[0].personId", "names P-2, who was not employable on 2022-07-01 (§ 8 SGB II)"));
        // a second employment of P-1 starting on the day the first ends: it overlaps; the day after does not
        assertThat(problems(h -> h.withArray("integrations").addObject().put("personId", "P-1").put("kind", "MINIJOB")
                .put("startDate", "2023-08-31").put("hoursPerWeek", 10).put("monthlyWage", new BigDecimal("520.00"))))
                .containsExactly(new Problem("integrations[1].startDate",
                        "overlaps the person's employment from 2022-07-01 to 2023-08-31: one employment ends before the next starts"));
        assertThat(problems(h -> h.withArray("integrations").addObject().put("personId", "P-1").put("kind", "MINIJOB")
                .put("startDate", "2023-09-01").put("hoursPerWeek", 10).put("monthlyWage", new BigDecimal("520.00")))).isEmpty();
        // employable when assigned, but not any more when the measure starts
        assertThat(problems(h -> at(h, "members", 0).withArray("employability").addObject().put("from", "2021-05-20")
                .put("employable", false).put("basis", "MEDICAL_FINDING")))
                .contains(new Problem("measures[0].personId", "names P-1, who was not employable on 2021-06-01 (§ 8 SGB II)"));
        // the child, registered at 3 in 2021, counts as employable from the month of the 15th birthday (2032-09) on
        assertThat(MigrationIds.employableOn(sample().withArray("members").get(1), LocalDate.of(2032, 8, 31))).isFalse();
        assertThat(MigrationIds.employableOn(sample().withArray("members").get(1), LocalDate.of(2032, 9, 1))).isTrue();
    }

    @Test
    void aMeasureOfTheSameLegalBasisWaitsForThePreviousOne() throws IOException {
        // M-1 runs 2021-06-01 to its end; a second one of the same basis assigned before that end, planned to overlap it
        Consumer<ObjectNode> second = h -> {
            ObjectNode m = h.withArray("measures").addObject();
            at(h, "measures", 0).fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
            m.put("measureId", "M-2").put("assignedOn", "2021-06-10").put("start", "2021-06-15").remove(List.of("end", "outcome"));
            m.put("plannedEnd", "2021-09-30");
        };
        assertThat(problems(second)).extracting(Problem::field).containsExactly("measures[1].assignedOn");
        // assigned after the first one ended, it is fine
        String firstEnd = sample().withArray("measures").get(0).path("end").asText();
        LocalDate after = LocalDate.parse(firstEnd).plusDays(1);
        assertThat(problems(second.andThen(h -> at(h, "measures", 1).put("assignedOn", after.toString()).put("start", after.toString())
                .put("plannedEnd", after.plusMonths(2).toString())))).isEmpty();
    }
}
