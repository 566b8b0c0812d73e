package de.auseinerhand.benefits.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import de.auseinerhand.benefits.domain.calculation.EntitlementCalculator;
import de.auseinerhand.benefits.domain.calculation.Household;
import de.auseinerhand.benefits.domain.calculation.Money;
import de.auseinerhand.benefits.domain.decision.BenefitCommand;
import de.auseinerhand.benefits.domain.decision.MonthAmounts;
import de.auseinerhand.benefits.infrastructure.RuleFiles;
import de.auseinerhand.benefits.infrastructure.SheetJson;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The impact of the 2026-07 rule set on three households of Hallenberg (used by no other test here) for
 * July 2026, against the 2026-01 rules; expected values by hand (Hallenberg's example limits from 2025:
 * one person 395 gross cold rent, 100 heating; 2026: level 1 563.00):
 * <ul>
 * <li>A, 38, rent 350 + heating 80, 12,000 € savings, third month of receipt: 563 + 430 under the waiting period's
 * 40,000 €; nothing under the 10,000 € of a 38-year-old: LLU −563.00, KdU −430.00;</li>
 * <li>B, 55, same flat, no savings: no change;</li>
 * <li>C, 30, rent 700 + heating 80 in the waiting period: actual 780 before; from July at most 1.5 × 395 = 592.50
 * + 80: KdU −107.50.</li>
 * </ul>
 */
@QuarkusTest
class RuleSetImpactTest {
    static final String HALLENBERG = "05958020";
    static final LocalDate OPENED = LocalDate.of(2026, 5, 1);

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    String household(int age, String rent, String savings) throws Exception {
        String caseId = TestEvents.newCaseId(HALLENBERG);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(2026 - age, 3), Sex.FEMALE, true, OPENED);
        List<EventData> events = new ArrayList<>(List.of(TestEvents.caseOpened(caseId, HALLENBERG, OPENED), head,
                new HousingCostsDeclared(OPENED, new BigDecimal(rent), new BigDecimal("80.00"), BigDecimal.ZERO.setScale(2), 1, null)));
        if (savings != null) {
            events.add(new AssetsDeclared(head.personId(), AssetKind.BANK_ACCOUNT, new BigDecimal(savings), OPENED));
        }
        long v = 0;
        for (EventData e : events) {
            TestEvents.publish(e, caseId, HALLENBERG, ++v);
        }
        // a decision May 2026 to April 2027 with its sheets, as the service stores them
        EntitlementCalculator calculator = new EntitlementCalculator(RuleFiles.ruleSets(), RuleFiles.adequacyLimits());
        List<MonthAmounts> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(OPENED); !m.isAfter(YearMonth.of(2027, 4)); m = m.plusMonths(1)) {
            months.add(MonthAmounts.of(calculator.calculate(new Household(m, null, null, HALLENBERG, null, List.of(new Household.Member(
                    head.personId().toString(), PersonRole.HEAD, head.birthYearMonth().atDay(1), null, List.of(), true, false, false, false,
                    false, null, false, false, false, 0, List.of())), new Household.Housing(Money.of(new BigDecimal(rent)), Money.ZERO,
                    Money.euros(80), 1, 0), List.of(), (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(OPENED), m), false))));
        }
        UUID decisionId = UUID.randomUUID();
        var applied = DecisionService.DECIDER.fold(List.of(new ApplicationReceived(OPENED, OPENED)));
        List<NewEvent> stream = new ArrayList<>(List.of(new NewEvent(new ApplicationReceived(OPENED, OPENED), caseId, HALLENBERG)));
        DecisionService.DECIDER.decide(new BenefitCommand.Decide(decisionId, OPENED, LocalDate.of(2027, 4, 30), false, null, null, null, months),
                applied).forEach(e -> stream.add(new NewEvent(e, caseId, HALLENBERG)));
        QuarkusTransaction.requiringNew().run(() -> store.append(DecisionService.stream(caseId), 0, stream, EventMetadata.system("test")));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into decision_sheet (decision_id, month, version, case_id, recorded_at, sheet) values (?,?,2,?, now(), ?::jsonb)")) {
            for (MonthAmounts m : months) {
                ps.setObject(1, decisionId);
                ps.setString(2, m.month().toString());
                ps.setString(3, caseId);
                ps.setString(4, SheetJson.mapper().writeValueAsString(m.sheet()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Eventually.assertSoon(() -> given().auth().oauth2(TestTokens.caseworker("cw-hallenberg-1", HALLENBERG))
                .get("/api/v1/known-cases/{id}", caseId).then().statusCode(200).body("persons", hasSize(1)));
        return caseId;
    }

    @Test
    void theJuly2026RulesCostWhatTheLawSays() throws Exception {
        String a = household(38, "350.00", "12000.00");
        household(55, "350.00", null);
        String c = household(30, "700.00", null);
        // the facts arrive through the broker: wait until the last household's savings and housing are known
        String body = "{\"month\": \"2026-07\", \"candidate\": \"2026-07\", \"baseline\": \"2026-01\"}";
        String unit = "municipalities.find { it.municipality == '" + HALLENBERG + "' }";
        Eventually.assertSoon(() -> given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body(body)
                .post("/api/v1/rule-sets/impact").then().statusCode(200).body(unit + ".households", equalTo(3))
                .body(unit + ".changed", equalTo(2)));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body(body).post("/api/v1/rule-sets/impact").then()
                .statusCode(200)
                .body("baseline", equalTo("2026-01")).body("candidate", equalTo("2026-07"))
                .body(unit + ".changed", equalTo(2))
                .body(unit + ".lluChange", equalTo(-563.00f))
                .body(unit + ".kduChange", equalTo(-537.50f))
                .body(unit + ".totalChange", equalTo(-1100.50f))
                .body(unit + ".largest[0].before", equalTo(993.00f)).body(unit + ".largest[0].after", equalTo(0.00f))
                .body(unit + ".largest[1].kdu", equalTo(-107.50f))
                // an analyst sees pseudonyms, never case ids
                .body(unit + ".largest[0].pseudonym", startsWith("case-")).body(unit + ".largest[0].caseId", nullValue());
        // staff of the district see which cases they are
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(body).post("/api/v1/rule-sets/impact").then()
                .statusCode(200).body(unit + ".largest.caseId", hasItem(a)).body(unit + ".largest.caseId", hasItem(c));
        // bad requests name the field; case workers may not run it
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("{\"month\": \"2026-13\", \"candidate\": \"2026-07\"}")
                .post("/api/v1/rule-sets/impact").then().statusCode(400).body("errors.field", hasItem("month"));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("{\"month\": \"2026-07\", \"candidate\": \"1999-01\"}")
                .post("/api/v1/rule-sets/impact").then().statusCode(400).body("errors.field", hasItem("candidate"));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json")
                .body("{\"month\": \"2026-07\", \"candidateRuleSet\": {\"id\": \"x\", \"validFrom\": \"2026-07-01\"}}")
                .post("/api/v1/rule-sets/impact").then().statusCode(400).body("errors.field", hasItem("candidateRuleSet"));
        given().auth().oauth2(TestTokens.caseworker("cw-hallenberg-1", HALLENBERG)).contentType("application/json").body(body)
                .post("/api/v1/rule-sets/impact").then().statusCode(403);
    }
}
