package de.auseinerhand.benefits.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.migration.format.MigrationIds;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The comparison of migrated households with the engine's own computation at the go-live month (docs/migration.md): the
 * migrated decisions stay as decided; the list says where the engine computes otherwise. Households of Olsberg and
 * Schmallenberg, which no other test of this module uses (the list of a municipality is this test's alone).
 *
 * <p>Every expected amount is derived by hand from the benefit rules (/work/shared/design/benefit-rules.md and the example
 * limits of {@code housing-adequacy-limits.json}), never by calling the engine. Each household is one employable adult
 * living alone (born 1985, so 18 to 67 on any day this suite may run on), the go-live month is the current month of the
 * suite's clock (TestClock, {@code -Daeh.test.today}):
 * <ul>
 * <li>LLU without income: the standard need of level 1 (§ 20(2) S. 1, alone): {@link #level1} (502.00 in 2023; 563.00 in 2024,
 * 2025 and 2026, which continue after 2026 as the rule data has no later amounts);</li>
 * <li>KdU (§ 22): rent 330.00 + utilities 50.00 = 380.00 gross cold rent, heating 70.00, one person. The limits for one person
 * are 400.00 / 95.00 in Olsberg and 405.00 / 95.00 in Schmallenberg from 2023, 420.00 / 100.00 and 430.00 / 100.00 from
 * 2025: within them, so in or after the waiting period the actual costs: 380.00 + 70.00 = 450.00;</li>
 * <li>with a wage of 800.00 gross (social contributions 160.00, no tax, net 640.00), § 11b(2), (3): 100.00 free, 20 % of
 * 100–520 = 84.00, 30 % of 520–800 = 84.00, allowance 268.00 (from 2023-07; before: 20 % of 100–800 = 140.00, allowance
 * 240.00); countable 800.00 − 160.00 − 268.00 = 372.00; it covers the standard need first (§ 19(3)): LLU = level 1 − 372.00
 * (563.00 − 372.00 = 191.00 from 2024), KdU 450.00.</li>
 * </ul>
 */
@QuarkusTest
class MigrationComparisonTest {

    static final String OLSBERG = "05958036";
    static final String SCHMALLENBERG = "05958040";
    static final String RUN = "cmp-run";
    static final YearMonth GO_LIVE = TestClock.thisMonth();
    /** The case opened and its migrated decision starts six months before the go-live: 12 months to 5 months after it. */
    static final LocalDate OPENED = GO_LIVE.minusMonths(6).atDay(1);
    static final BigDecimal KDU = new BigDecimal("450.00");

    @Inject
    DataSource dataSource;

    /** benefit-rules.md, standard need level 1 of the month's year. */
    static BigDecimal level1(YearMonth m) {
        return m.getYear() <= 2023 ? new BigDecimal("502.00") : new BigDecimal("563.00");
    }

    /** LLU with the wage of 800.00 (see above): level 1 − (800.00 − 160.00 − allowance). */
    static BigDecimal lluWithWage(YearMonth m) {
        BigDecimal allowance = m.isBefore(YearMonth.of(2023, 7)) ? new BigDecimal("240.00") : new BigDecimal("268.00");
        return level1(m).subtract(new BigDecimal("800.00").subtract(new BigDecimal("160.00")).subtract(allowance));
    }

    /** A household of the old system: one adult, what it was paid, and whether the registry's facts carry housing costs and a wage. */
    record Household(String id, String caseId, String municipality, UUID person, BigDecimal llu, BigDecimal kdu, boolean housing,
                     boolean wage) {
        UUID decision() {
            return MigrationIds.decision(id, "D1");
        }

        String json() {
            BigDecimal total = llu.add(kdu);
            return """
                    {"householdId": "%1$s", "municipality": "%2$s", "openedOn": "%3$s",
                     "members": [{"personId": "P1", "role": "HEAD", "firstName": "Erika", "lastName": "Muster", "birthDate": "1985-04-12",
                                  "sex": "FEMALE", "employable": true, "joinedOn": "%3$s"}],
                     "decisions": [{"decisionId": "D1", "from": "%3$s", "to": "%4$s", "provisional": false, "total": %5$s,
                                    "federalShare": %6$s, "municipalShare": %7$s, "members": [{"personId": "P1", "llu": %6$s, "kdu": %7$s}]}],
                     "postings": []}
                    """.formatted(id, municipality, OPENED, GO_LIVE.plusMonths(5).atEndOfMonth(), total, llu, kdu);
        }
    }

    static Household household(String municipality, BigDecimal llu, BigDecimal kdu, boolean housing, boolean wage) {
        String id = "MC-" + UUID.randomUUID().toString().substring(0, 8);
        return new Household(id, TestEvents.newCaseId(municipality), municipality, MigrationIds.person(id, "P1"), llu, kdu, housing, wage);
    }

    /** The registry's migrated events of the household, as the registry writes them from the migration file (actor: the run). */
    static void publishFacts(Household h) {
        List<EventData> events = new ArrayList<>(List.of(TestEvents.caseOpened(h.caseId(), h.municipality(), OPENED),
                new PersonRegistered(h.person(), PersonRole.HEAD, YearMonth.of(1985, 4), Sex.FEMALE, true, false, OPENED, null,
                        new EncryptedPii("pk-test", EncryptedPii.AES_256_GCM, "AAAAAAAAAAAAAAAA"))));
        if (h.housing()) {
            events.add(new HousingCostsDeclared(OPENED, new BigDecimal("330.00"), new BigDecimal("70.00"), new BigDecimal("50.00"), 1, null));
        }
        if (h.wage()) {
            events.add(new IncomeDeclared(h.person(), IncomeKind.EMPLOYMENT, YearMonth.from(OPENED), null, new BigDecimal("800.00"),
                    new BigDecimal("640.00"), new BigDecimal("160.00")));
        }
        long version = 0;
        for (EventData e : events) {
            TestEvents.publish(TestEvents.envelope(e, h.caseId(), h.municipality(), ++version, "migration:" + RUN));
        }
    }

    @Test
    void migratedHouseholdsAreComparedWithTheEnginesComputationAtTheGoLiveMonthAndListedForCaseWorkers() throws SQLException {
        BigDecimal level1 = level1(GO_LIVE);
        Household equal = household(OLSBERG, level1, KDU, true, false);
        // the old system paid 10.00 € LLU more than the law gives: computed − migrated = −10.00
        Household tooHigh = household(OLSBERG, level1.add(new BigDecimal("10.00")), KDU, true, false);
        Household noHousing = household(OLSBERG, level1, KDU, false, false);
        Household wage = household(OLSBERG, lluWithWage(GO_LIVE), KDU, true, true);
        Household decidedAnew = household(OLSBERG, level1, KDU, true, false);
        // Schmallenberg: KdU 50.00 too high (−50.00), LLU 30.00 too low (+30.00)
        Household kduTooHigh = household(SCHMALLENBERG, level1, new BigDecimal("500.00"), true, false);
        Household lluTooLow = household(SCHMALLENBERG, level1.subtract(new BigDecimal("30.00")), KDU, true, false);
        List<Household> all = List.of(equal, tooHigh, noHousing, wage, decidedAnew, kduTooHigh, lluTooLow);

        all.forEach(MigrationComparisonTest::publishFacts);
        for (Household h : all) {
            // the facts arrive through the broker, in order per case: the last one of each case is there
            Eventually.assertSoon(() -> assertThat(count("select count(*) from known_person where case_id = ?", h.caseId())
                    + count("select count(*) from bf_housing where case_id = ?", h.caseId())
                    + count("select count(*) from bf_income where case_id = ?", h.caseId()))
                    .isEqualTo(1 + (h.housing() ? 1 : 0) + (h.wage() ? 1 : 0)));
        }
        StringBuilder batch = new StringBuilder("{\"runId\": \"" + RUN + "\", \"households\": [");
        for (Household h : all) {
            batch.append(h == all.get(0) ? "" : ",").append("{\"caseId\": \"").append(h.caseId()).append("\", \"household\": ")
                    .append(h.json()).append('}');
        }
        batch.append("]}");
        JsonPath migrated = given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(batch.toString())
                .post("/api/v1/admin/migration/households").then().statusCode(200).extract().jsonPath();
        assertThat(migrated.getList("results.status")).as(migrated.prettify()).containsOnly("MIGRATED").hasSize(all.size());

        // the go-live month: the service's current month by default
        JsonPath summary = given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/migration/comparison").then().statusCode(200)
                .body("month", equalTo(GO_LIVE.toString()))
                .body("compared", greaterThanOrEqualTo(7))
                .extract().jsonPath();
        String olsberg = "byMunicipality.find { it.municipality == '" + OLSBERG + "' }";
        String schmallenberg = "byMunicipality.find { it.municipality == '" + SCHMALLENBERG + "' }";
        assertThat(summary.getMap(olsberg)).as(summary.prettify()).containsEntry("compared", 5).containsEntry("equal", 3)
                .containsEntry("different", 1).containsEntry("factsIncomplete", 1);
        assertThat(summary.getDouble(olsberg + ".differenceSum")).isEqualTo(-10.00);
        assertThat(summary.getMap(schmallenberg)).containsEntry("compared", 2).containsEntry("different", 2).containsEntry("equal", 0);
        assertThat(summary.getDouble(schmallenberg + ".lluDifference")).isEqualTo(30.00);
        assertThat(summary.getDouble(schmallenberg + ".kduDifference")).isEqualTo(-50.00);
        assertThat(summary.getDouble(schmallenberg + ".differenceSum")).isEqualTo(-20.00);
        System.out.printf("migration comparison of %s: %d households compared in %d ms%n", GO_LIVE, summary.getInt("compared"),
                summary.getLong("milliseconds"));

        // Olsberg's list: the largest absolute difference first, then by case; incomplete facts (no difference) last
        List<String> zero = Stream.of(equal, wage, decidedAnew).map(Household::caseId).sorted().toList();
        List<String> expected = new ArrayList<>(List.of(tooHigh.caseId()));
        expected.addAll(zero);
        expected.add(noHousing.caseId());
        JsonPath list = given().auth().oauth2(TestTokens.admin()).queryParam("municipality", OLSBERG)
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("caseId")).isEqualTo(expected);
        String different = "find { it.caseId == '" + tooHigh.caseId() + "' }";
        assertThat(list.getString(different + ".status")).isEqualTo("DIFFERENT");
        assertThat(list.getString(different + ".decisionId")).isEqualTo(tooHigh.decision().toString());
        assertThat(list.getString(different + ".municipality")).isEqualTo(OLSBERG);
        assertThat(list.getString(different + ".month")).isEqualTo(GO_LIVE.toString());
        assertThat(money(list, different + ".migratedLlu")).isEqualTo(level1.add(new BigDecimal("10.00")));
        assertThat(money(list, different + ".computedLlu")).isEqualTo(level1);
        assertThat(money(list, different + ".migratedKdu")).isEqualTo(KDU);
        assertThat(money(list, different + ".computedKdu")).isEqualTo(KDU);
        assertThat(money(list, different + ".difference")).isEqualTo(new BigDecimal("-10.00"));
        assertThat(list.getList(different + ".persons")).hasSize(1);
        assertThat(list.getString(different + ".persons[0].personId")).isEqualTo(tooHigh.person().toString());
        assertThat(money(list, different + ".persons[0].migratedLlu")).isEqualTo(level1.add(new BigDecimal("10.00")));
        assertThat(money(list, different + ".persons[0].computedLlu")).isEqualTo(level1);
        assertThat(money(list, different + ".persons[0].difference")).isEqualTo(new BigDecimal("-10.00"));
        String withWage = "find { it.caseId == '" + wage.caseId() + "' }";
        assertThat(list.getString(withWage + ".status")).isEqualTo("EQUAL");
        assertThat(money(list, withWage + ".computedLlu")).isEqualTo(lluWithWage(GO_LIVE));
        assertThat(money(list, withWage + ".computedKdu")).isEqualTo(KDU);
        assertThat(money(list, withWage + ".difference")).isEqualTo(new BigDecimal("0.00"));
        String incomplete = "find { it.caseId == '" + noHousing.caseId() + "' }";
        assertThat(list.getString(incomplete + ".status")).isEqualTo("FACTS_INCOMPLETE");
        assertThat(list.getString(incomplete + ".problemField")).isEqualTo("housing");
        assertThat(list.getString(incomplete + ".problemMessage")).startsWith("no housing costs are declared for " + GO_LIVE);
        assertThat(list.getString(incomplete + ".computedLlu")).isNull();
        assertThat(list.getString(incomplete + ".difference")).isNull();
        assertThat(money(list, incomplete + ".migratedLlu")).isEqualTo(level1);

        // filters: the differences of the district (this test's households), largest first whatever the sign
        List<String> mine = all.stream().map(Household::caseId).toList();
        List<String> differences = given().auth().oauth2(TestTokens.admin()).queryParam("status", "DIFFERENT").queryParam("limit", 1000)
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).extract().jsonPath().getList("caseId", String.class);
        assertThat(differences.stream().filter(mine::contains).toList()).containsExactly(kduTooHigh.caseId(), lluTooLow.caseId(), tooHigh.caseId());
        // only differences of at least 20 euros either way: the 10 euros too much and the incomplete facts drop out
        List<String> large = given().auth().oauth2(TestTokens.admin()).queryParam("minDifference", "20.00").queryParam("limit", 1000)
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).extract().jsonPath().getList("caseId", String.class);
        assertThat(large.stream().filter(mine::contains).toList()).containsExactly(kduTooHigh.caseId(), lluTooLow.caseId());
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "FACTS_INCOMPLETE").queryParam("municipality", OLSBERG)
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).body("caseId", equalTo(List.of(noHousing.caseId())));
        given().auth().oauth2(TestTokens.admin()).queryParams(Map.of("municipality", OLSBERG, "limit", 2, "offset", 1))
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).body("caseId", equalTo(expected.subList(1, 3)));
        given().auth().oauth2(TestTokens.admin()).queryParams(Map.of("month", GO_LIVE.plusMonths(1).toString()))
                .get("/api/v1/admin/migration/comparison").then().statusCode(200).body("$", hasSize(0));
        assertThat(count("select count(*) from audit_record where action = 'read-migration-comparison' and case_id = ?", tooHigh.caseId()))
                .isPositive();

        // nothing was changed: the migrated decision still pays what the old system paid
        String cw = TestTokens.caseworker("cw-olsberg-1", OLSBERG);
        given().auth().oauth2(cw).get("/api/v1/cases/{id}/benefits", tooHigh.caseId()).then().statusCode(200)
                .body("decisions", hasSize(1)).body("decisions[0].schedule", hasSize(1))
                .body("decisions[0].schedule[0].ruleSet", equalTo("migrated"))
                .body("decisions[0].schedule[0].federalShare", equalTo(level1.add(new BigDecimal("10.00")).floatValue()));

        // a case worker decides anew from the go-live month: the case is no longer compared; a new run replaces the month's list
        given().auth().oauth2(cw).contentType("application/json").header("If-Match", etag(cw, decidedAnew.caseId()))
                .body("{\"effectiveFrom\": \"" + GO_LIVE.atDay(1) + "\", \"reason\": \"decided anew from the facts\"}")
                .post("/api/v1/cases/{id}/benefits/decisions/{d}/termination", decidedAnew.caseId(), decidedAnew.decision())
                .then().statusCode(200);
        given().auth().oauth2(cw).contentType("application/json").header("If-Match", etag(cw, decidedAnew.caseId())).body("{}")
                .post("/api/v1/cases/{id}/benefits/decisions", decidedAnew.caseId()).then().statusCode(201)
                .body("decisions", hasSize(2)).body("decisions[1].schedule[0].ruleSet", not(equalTo("migrated")));
        JsonPath again = given().auth().oauth2(TestTokens.admin()).queryParam("month", GO_LIVE.toString())
                .post("/api/v1/admin/migration/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(again.getMap(olsberg)).containsEntry("compared", 4).containsEntry("equal", 2).containsEntry("different", 1)
                .containsEntry("factsIncomplete", 1);
        List<String> afterwards = new ArrayList<>(expected);
        afterwards.remove(decidedAnew.caseId());
        given().auth().oauth2(TestTokens.admin()).queryParam("municipality", OLSBERG).get("/api/v1/admin/migration/comparison").then()
                .statusCode(200).body("caseId", equalTo(afterwards));
        assertThat(count("select count(*) from migration_comparison_person where case_id = ?", decidedAnew.caseId())).isZero();
    }

    @Test
    void badInputNamesTheFieldAndOnlyDistrictAdminsCompare() {
        String admin = TestTokens.admin();
        given().auth().oauth2(admin).queryParam("month", "2026-13").post("/api/v1/admin/migration/comparison").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("month"));
        given().auth().oauth2(admin).queryParam("month", "next month").get("/api/v1/admin/migration/comparison").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("month"));
        // no rule set is in force before 2023
        given().auth().oauth2(admin).queryParam("month", "2019-06").post("/api/v1/admin/migration/comparison").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("month"));
        given().auth().oauth2(admin).queryParams(Map.of("status", "SAME", "municipality", "Olsberg", "limit", "1001", "offset", "-1",
                "minDifference", "-5"))
                .get("/api/v1/admin/migration/comparison").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("status", "municipality", "limit", "offset", "minDifference"));
        given().auth().oauth2(admin).queryParam("minDifference", "0.00").get("/api/v1/admin/migration/comparison").then().statusCode(400)
                .body("errors[0].field", equalTo("minDifference"));
        given().auth().oauth2(admin).queryParam("limit", "0").get("/api/v1/admin/migration/comparison").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));

        String cw = TestTokens.caseworker("cw-olsberg-1", OLSBERG);
        given().auth().oauth2(cw).post("/api/v1/admin/migration/comparison").then().statusCode(403);
        given().auth().oauth2(cw).get("/api/v1/admin/migration/comparison").then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/admin/migration/comparison").then().statusCode(403)
                .body("status", equalTo(403)).body("errors", nullValue());
    }

    static BigDecimal money(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2);
    }

    static String etag(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/v1/cases/{id}/benefits", caseId).then().statusCode(200).extract().header("ETag");
    }

    long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
