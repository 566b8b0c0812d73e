package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CaseworkerFunction;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Indicators from events on the real broker, as known on different dates: a retroactive amendment
 * changes a past month only for asOf after it was recorded, and the final figures ignore what came
 * after the 3-month waiting time.
 */
@QuarkusTest
class IndicatorsApiTest {
    static final String ARNSBERG = "05958004";
    static final String ANALYST = TestTokens.analyst();
    static boolean published;

    static void publishAt(EventData data, String caseId, long version, String recordedAt) {
        TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), data, caseId, Instant.parse(recordedAt), ARNSBERG, "test-" + caseId, version,
                UUID.randomUUID(), null, "user:test", null));
    }

    static PersonEntitlement amounts(UUID person, String llu) {
        return new PersonEntitlement(person, new BigDecimal("563.00"), List.of(), new BigDecimal("480.00"), BigDecimal.ZERO,
                new BigDecimal(llu), new BigDecimal("480.00"), new BigDecimal(llu).add(new BigDecimal("480.00")));
    }

    /** Three single adults in Arnsberg with benefits from January 2024 for two years; in 2025 two amendments for January 2025 arrive late. */
    @BeforeEach
    void history() {
        if (published) {
            return;
        }
        published = true;
        for (int i = 0; i < 3; i++) {
            String caseId = String.format("BG-%s-88%04d", ARNSBERG, i + (int) (System.nanoTime() % 1000) * 3);
            UUID decision = UUID.randomUUID();
            var head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1980, 3), Sex.FEMALE, true, LocalDate.of(2024, 1, 1));
            publishAt(TestEvents.caseOpened(caseId, ARNSBERG, LocalDate.of(2024, 1, 1)), caseId, 1, "2024-01-02T09:00:00Z");
            publishAt(head, caseId, 2, "2024-01-02T09:01:00Z");
            publishAt(new CaseworkerAssigned("cw-arnsberg-7", CaseworkerFunction.PLACEMENT, LocalDate.of(2024, 1, 1)), caseId, 6,
                    "2024-01-03T09:00:00Z");
            publishAt(new EntitlementDecided(decision, new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)), false, "2024-01",
                    List.of(amounts(head.personId(), "563.00")), new BigDecimal("1043.00"), new BigDecimal("563.00"), new BigDecimal("480.00"),
                    null, null, null), caseId, 3, "2024-01-05T10:00:00Z");
            // recorded in March 2025, reaching back to January 2025 (within the waiting time of January)
            publishAt(new EntitlementAmended(decision, LocalDate.of(2025, 1, 1), "income", "2025-01", List.of(amounts(head.personId(), "300.00")),
                    new BigDecimal("780.00"), new BigDecimal("300.00"), new BigDecimal("480.00")), caseId, 4, "2025-03-05T10:00:00Z");
            // recorded in May 2025, reaching back to January 2025 again: after the waiting time of January (end of April)
            publishAt(new EntitlementAmended(decision, LocalDate.of(2025, 1, 1), "income corrected", "2025-01",
                    List.of(amounts(head.personId(), "200.00")), new BigDecimal("680.00"), new BigDecimal("200.00"), new BigDecimal("480.00")),
                    caseId, 5, "2025-05-10T10:00:00Z");
        }
        Eventually.assertSoon(() -> given().auth().oauth2(ANALYST)
                .get("/api/v1/indicators?month=2025-01&asOf=2025-06-01&municipality=" + ARNSBERG + "&sex=ALL")
                .then().statusCode(200).body("rows[0].figures.elb", equalTo(3)).body("rows[0].figures.llu", equalTo(600.00f)));
    }

    @Test
    void aRetroactiveAmendmentChangesAPastMonthOnlyForLaterAsOf() {
        String base = "/api/v1/indicators?month=2025-01&municipality=" + ARNSBERG + "&sex=ALL";
        given().auth().oauth2(ANALYST).get(base + "&asOf=2025-02-01").then().statusCode(200)
                .body("rows[0].figures.llu", equalTo(1689.00f))
                .body("rows[0].figures.lluYearBefore", equalTo(1689.00f))
                .body("rows[0].indicators.K1", equalTo(0.0f))
                .body("rows[0].indicators.K1E2", equalTo(0.0f))
                .body("finalFigures", equalTo(false));
        given().auth().oauth2(ANALYST).get(base + "&asOf=2025-03-10").then().statusCode(200)
                .body("rows[0].figures.llu", equalTo(900.00f))
                .body("rows[0].indicators.K1", equalTo(-46.7f))
                .body("rows[0].indicators.K1E1", equalTo(0.0f));
    }

    /**
     * A person's facts are bitemporal too: three heads in Sundern registered as employable, corrected in
     * April 2025 to not employable (a second registration of the same person). January 2025 as known in
     * March counts three eLb; as known in May, three non-employable beneficiaries and no eLb.
     */
    @Test
    void aCorrectedPersonFactChangesPastFiguresOnlyForLaterAsOf() {
        String sundern = "05958044";
        for (int i = 0; i < 3; i++) {
            String caseId = String.format("BG-%s-66%04d", sundern, i + (int) (System.nanoTime() % 1000) * 3);
            var head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1970, 5), Sex.MALE, true, LocalDate.of(2024, 1, 1));
            var corrected = new de.auseinerhand.events.registry.PersonRegistered(head.personId(), head.role(), head.birthYearMonth(),
                    head.sex(), false, false, head.effectiveFrom(), null, head.pii());
            TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), TestEvents.caseOpened(caseId, sundern, LocalDate.of(2024, 1, 1)), caseId,
                    Instant.parse("2024-01-02T09:00:00Z"), sundern, "test-" + caseId, 1, UUID.randomUUID(), null, "user:test", null));
            TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), head, caseId, Instant.parse("2024-01-02T09:01:00Z"), sundern,
                    "test-" + caseId, 2, UUID.randomUUID(), null, "user:test", null));
            TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), new EntitlementDecided(UUID.randomUUID(),
                    new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)), false, "2024-01", List.of(amounts(head.personId(), "563.00")),
                    new BigDecimal("1043.00"), new BigDecimal("563.00"), new BigDecimal("480.00"), null, null, null), caseId,
                    Instant.parse("2024-01-05T10:00:00Z"), sundern, "test-" + caseId, 3, UUID.randomUUID(), null, "user:test", null));
            TestEvents.publish(EventCodec.envelope(UUID.randomUUID(), corrected, caseId, Instant.parse("2025-04-01T10:00:00Z"), sundern,
                    "test-" + caseId, 4, UUID.randomUUID(), null, "user:test", null));
        }
        String base = "/api/v1/indicators?month=2025-01&municipality=" + sundern + "&sex=ALL";
        Eventually.assertSoon(() -> given().auth().oauth2(ANALYST).get(base + "&asOf=2025-05-01").then().statusCode(200)
                .body("rows[0].figures.nonEmployable", equalTo(3)));
        given().auth().oauth2(ANALYST).get(base + "&asOf=2025-05-01").then().body("rows[0].figures.elb", equalTo(0));
        given().auth().oauth2(ANALYST).get(base + "&asOf=2025-03-01").then().statusCode(200)
                .body("rows[0].figures.elb", equalTo(3)).body("rows[0].figures.nonEmployable", equalTo(0));
    }

    @Test
    void finalFiguresIgnoreWhatWasRecordedAfterTheWaitingTime() {
        String base = "/api/v1/indicators?month=2025-01&municipality=" + ARNSBERG + "&sex=ALL&asOf=2025-06-01";
        given().auth().oauth2(ANALYST).get(base + "&mode=early").then().statusCode(200).body("rows[0].figures.llu", equalTo(600.00f));
        given().auth().oauth2(ANALYST).get(base + "&mode=final").then().statusCode(200)
                .body("finalFigures", equalTo(true)).body("mode", equalTo("final"))
                .body("rows[0].figures.llu", equalTo(900.00f));
    }

    @Test
    void longTermBeneficiariesAfterTwentyOneMonths() {
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-11&asOf=2025-12-31&municipality=" + ARNSBERG + "&sex=FEMALE")
                .then().statusCode(200).body("rows[0].figures.lzb", equalTo(3)).body("rows[0].figures.elb", equalTo(3));
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-08&asOf=2025-12-31&municipality=" + ARNSBERG + "&sex=ALL")
                .then().statusCode(200).body("rows[0].figures.lzb", equalTo(0));
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-11&asOf=2025-12-31&municipality=" + ARNSBERG + "&sex=MALE")
                .then().statusCode(200).body("rows[0].figures.elb", equalTo(0)).body("rows[0].indicators.K1", nullValue());
    }

    @Test
    void seriesAndCaseloads() {
        given().auth().oauth2(ANALYST).get("/api/v1/indicators/series?from=2024-12&to=2025-02&municipality=" + ARNSBERG + "&asOf=2025-03-10")
                .then().statusCode(200)
                .body("month", org.hamcrest.Matchers.contains("2024-12", "2025-01", "2025-02"))
                .body("[1].llu", equalTo(900.00f)).body("[0].llu", equalTo(1689.00f)).body("[1].indicators.K1", equalTo(-46.7f));
        given().auth().oauth2(ANALYST).get("/api/v1/caseloads?month=2025-01&asOf=2025-03-10&function=PLACEMENT").then().statusCode(200)
                .body("find { it.caseworkerId == 'cw-arnsberg-7' }.cases", equalTo(3))
                .body("find { it.caseworkerId == 'cw-arnsberg-7' }.elb25Plus", equalTo(3))
                .body("find { it.caseworkerId == 'cw-arnsberg-7' }.utilisation", equalTo(0.020f));
        given().auth().oauth2(ANALYST).get("/api/v1/indicators/series?from=2025-02&to=2024-12").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void csvRankingSuppressionAndAccess() {
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-01&asOf=2025-03-10&format=csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("month,asOf,mode,municipality,name,sex,K1,"))
                .body(containsString("2025-01,2025-03-10,early,05958004,\"Arnsberg\",ALL,-46.7,"));
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-01&asOf=2025-03-10").then().statusCode(200)
                .body("ranking.K1.municipality", hasItem(ARNSBERG))
                .body("rows.find { it.municipality == '05958020' && it.sex == 'ALL' }.indicators.K1", nullValue());
        given().auth().oauth2(TestTokens.caseworker("cw-1", ARNSBERG)).get("/api/v1/indicators?month=2025-01").then().statusCode(403);
        given().auth().oauth2(ANALYST).get("/api/v1/indicators?month=2025-13").then().statusCode(400).body("errors.field", hasItem("month"));
        given().auth().oauth2(ANALYST).get("/api/v1/indicators").then().statusCode(400).body("errors.field", hasItem("month"));
    }
}
