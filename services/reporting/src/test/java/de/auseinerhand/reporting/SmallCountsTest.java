package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One small-count rule on every endpoint. Winterberg (written by no other test) has three eLb in January
 * 2025: a couple in receipt since January 2023 (two long-term beneficiaries) and a 21-year-old since
 * November 2024, in two cases with one placement case worker. Its eLb count (3) is shown; its LZB (2),
 * its cases (2) and its eLb under 25 (1) must not be, on the monthly figures, the series, the CSV, the
 * stocks and the caseloads. Then every count of every endpoint, for every unit, is walked.
 */
@QuarkusTest
class SmallCountsTest {
    static final String WINTERBERG = "05958048";
    static final String ANALYST = TestTokens.analyst();
    static final String WORKER = "cw-winterberg-9";
    /** Count fields of the reporting API, wherever they appear. */
    static final Set<String> COUNTS = Set.of("elb", "nonEmployable", "singleParentElb", "under25Elb", "lzb", "lzbInActiveMeasure", "elbInflow",
            "elbOutflow", "integrations", "lzbYearBefore", "elbYearBefore", "cases", "persons", "elbUnder25", "elb25Plus",
            "referenceCapacity");

    static void publishAt(EventData data, String caseId, long version, String recordedAt) {
        TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), data, caseId, Instant.parse(recordedAt), WINTERBERG, "test-" + caseId,
                version, UUID.randomUUID(), null, "user:test", null));
    }

    static PersonEntitlement amounts(UUID person) {
        return new PersonEntitlement(person, new BigDecimal("506.00"), List.of(), new BigDecimal("300.00"), BigDecimal.ZERO,
                new BigDecimal("506.00"), new BigDecimal("300.00"), new BigDecimal("806.00"));
    }

    static void household(String caseId, LocalDate from, List<PersonRegistered> people) {
        publishAt(TestEvents.caseOpened(caseId, WINTERBERG, from), caseId, 1, from + "T09:00:00Z");
        long v = 1;
        List<PersonEntitlement> perPerson = new ArrayList<>();
        for (PersonRegistered p : people) {
            publishAt(p, caseId, ++v, from + "T09:01:00Z");
            perPerson.add(amounts(p.personId()));
        }
        publishAt(new CaseworkerAssigned(WORKER, CaseworkerFunction.PLACEMENT, from), caseId, ++v, from + "T09:02:00Z");
        BigDecimal llu = new BigDecimal("506.00").multiply(BigDecimal.valueOf(people.size()));
        BigDecimal kdu = new BigDecimal("300.00").multiply(BigDecimal.valueOf(people.size()));
        publishAt(new EntitlementDecided(UUID.randomUUID(), new Period(from, LocalDate.of(2025, 12, 31)), false, "2024-01", perPerson,
                llu.add(kdu), llu, kdu, null, null, null), caseId, ++v, from.plusDays(4) + "T10:00:00Z");
    }

    static boolean published;

    @BeforeEach
    void history() {
        if (published) {
            return;
        }
        published = true;
        String couple = TestEvents.newCaseId(WINTERBERG);
        household(couple, LocalDate.of(2023, 1, 1), List.of(
                TestEvents.person(PersonRole.HEAD, YearMonth.of(1975, 6), Sex.FEMALE, true, LocalDate.of(2023, 1, 1)),
                TestEvents.person(PersonRole.PARTNER, YearMonth.of(1974, 2), Sex.MALE, true, LocalDate.of(2023, 1, 1))));
        String young = TestEvents.newCaseId(WINTERBERG);
        household(young, LocalDate.of(2024, 11, 1),
                List.of(TestEvents.person(PersonRole.HEAD, YearMonth.of(2003, 8), Sex.MALE, true, LocalDate.of(2024, 11, 1))));
        Eventually.assertSoon(() -> given().auth().oauth2(ANALYST)
                .get("/api/v1/indicators?month=2025-01&asOf=2025-03-01&municipality=" + WINTERBERG + "&sex=ALL")
                .then().statusCode(200).body("rows[0].figures.elb", equalTo(3)));
    }

    @Test
    void aSmallCountIsHiddenOnEveryEndpoint() {
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-01&asOf=2025-03-01&municipality=" + WINTERBERG + "&sex=ALL")
                .then().statusCode(200).body("rows[0].figures.elb", equalTo(3)).body("rows[0].figures.lzb", nullValue())
                .body("rows[0].figures.under25Elb", nullValue()).body("rows[0].figures.llu", equalTo(1518.00f));
        // the series once showed LZB counts of 1 and 2 and used a threshold of its own
        given().auth().oauth2(ANALYST).get("/api/v1/indicators/series?from=2024-12&to=2025-01&municipality=" + WINTERBERG + "&asOf=2025-03-01")
                .then().statusCode(200).body("[1].elb", equalTo(3)).body("[1].lzb", nullValue()).body("[0].lzb", nullValue());
        String csv = given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-01&asOf=2025-03-01&format=csv").then().statusCode(200)
                .extract().asString();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        String row = csv.lines().filter(l -> l.contains("," + WINTERBERG + ",") && l.contains(",ALL,")).findFirst().orElseThrow();
        List<String> cells = List.of(row.replace("\"Winterberg\"", "Winterberg").split(",", -1));
        assertThat(cells.get(header.indexOf("elb"))).isEqualTo("3");
        assertThat(cells.get(header.indexOf("lzb"))).isEmpty();
        assertThat(cells.get(header.indexOf("under25Elb"))).isEmpty();
        given().auth().oauth2(ANALYST).get("/api/v1/stocks?month=2025-01").then().statusCode(200)
                .body("municipalities.find { it.ags == '" + WINTERBERG + "' }.cases", nullValue())
                .body("municipalities.find { it.ags == '" + WINTERBERG + "' }.persons", equalTo(3));
        // one of the worker's eLb is under 25: both age groups and the utilisation would give it away
        given().auth().oauth2(ANALYST).get("/api/v1/caseloads?month=2025-01&asOf=2025-03-01&function=PLACEMENT").then().statusCode(200)
                .body("find { it.caseworkerId == '" + WORKER + "' }.cases", nullValue())
                .body("find { it.caseworkerId == '" + WORKER + "' }.elbUnder25", nullValue())
                .body("find { it.caseworkerId == '" + WORKER + "' }.elb25Plus", nullValue())
                .body("find { it.caseworkerId == '" + WORKER + "' }.utilisation", nullValue())
                .body("find { it.caseworkerId == '" + WORKER + "' }.referenceCapacity", equalTo(3));
    }

    @Test
    void noEndpointShowsACountBelowTheThreshold() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> reads = new ArrayList<>();
        for (String m : List.of("2024-12", "2025-01", "2025-06")) {
            reads.add("/api/v1/indicators?month=" + m + "&asOf=2025-07-01");
            reads.add("/api/v1/indicators?month=" + m + "&asOf=2025-07-01&mode=final");
            reads.add("/api/v1/stocks?month=" + m);
            for (String f : List.of("BENEFITS", "PLACEMENT", "CASE_MANAGEMENT")) {
                reads.add("/api/v1/caseloads?month=" + m + "&asOf=2025-07-01&function=" + f);
            }
        }
        for (String unit : List.of(WINTERBERG, "05958004", "05958044", "05958008", "05958024", "05958036", "05958040")) {
            reads.add("/api/v1/indicators/series?from=2024-01&to=2025-12&asOf=2025-12-31&municipality=" + unit);
        }
        reads.add("/api/v1/indicators/series?from=2024-01&to=2025-12&asOf=2025-12-31");
        int walked = 0;
        for (String read : reads) {
            JsonNode body = json.readTree(given().auth().oauth2(ANALYST).get(read).then().statusCode(200).extract().asString());
            List<String> small = new ArrayList<>();
            walked += walk(body, "$", small);
            assertThat(small).as(read).isEmpty();
        }
        assertThat(walked).as("counts walked").isGreaterThan(500);
        // the CSV export: every count column of every row
        String csv = given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-01&asOf=2025-07-01&format=csv").then().statusCode(200)
                .extract().asString();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        csv.lines().skip(1).forEach(line -> {
            List<String> cells = List.of(line.replaceAll("\"[^\"]*\"", "name").split(",", -1));
            for (String count : COUNTS) {
                int i = header.indexOf(count);
                if (i >= 0 && !cells.get(i).isEmpty()) {
                    long v = Long.parseLong(cells.get(i));
                    assertThat(v == 0 || v >= 3).as(count + " = " + v + " in " + line).isTrue();
                }
            }
        });
    }

    /** Collects count fields with a value from 1 to 2; returns how many count fields it saw. */
    static int walk(JsonNode node, String path, List<String> small) {
        int seen = 0;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (COUNTS.contains(e.getKey()) && e.getValue().isNumber()) {
                    seen++;
                    if (e.getValue().asDouble() >= 1 && e.getValue().asDouble() < 3) {
                        small.add(path + "." + e.getKey() + " = " + e.getValue());
                    }
                } else {
                    seen += walk(e.getValue(), path + "." + e.getKey(), small);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                seen += walk(node.get(i), path + "[" + i + "]", small);
            }
        }
        return seen;
    }
}
