package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.reporting.projection.CaseEventsConsumer;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Monthly stocks from the event log. Only this test writes cases of Medebach and Hallenberg, so their
 * figures are exact whatever other tests put on the shared topic.
 */
@QuarkusTest
class StocksTest {

    static final String MEDEBACH = "05958028";
    static final String HALLENBERG = "05958020";

    @Inject
    ConsumerStatus status;

    @Test
    void stocksCountOpenCasesAndCurrentMembersByResponsibleMunicipalityAtMonthEnd() {
        // three copies of each case: the API suppresses counts of 1 and 2 (SmallCounts)
        for (int copy = 0; copy < 3; copy++) {
            // case A in Medebach from 2019-03-10: head + child; the child leaves 2019-06-01; moves to Hallenberg 2019-08-01
            String a = TestEvents.newCaseId(MEDEBACH);
            TestEvents.publish(TestEvents.caseOpened(a, MEDEBACH, LocalDate.of(2019, 3, 10)), a, MEDEBACH, 1);
            TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1980, 1), Sex.FEMALE, true,
                    LocalDate.of(2019, 3, 10)), a, MEDEBACH, 2);
            PersonRegistered child = TestEvents.person(PersonRole.CHILD, YearMonth.of(2001, 1), Sex.MALE, true,
                    LocalDate.of(2019, 3, 10));
            TestEvents.publish(child, a, MEDEBACH, 3);
            TestEvents.publish(new PersonLeftCase(child.personId(), LocalDate.of(2019, 6, 1), "own household"), a, MEDEBACH, 4);
            TestEvents.publish(new CaseMoved(MEDEBACH, HALLENBERG, LocalDate.of(2019, 8, 1)), a, HALLENBERG, 5);
            // case B in Hallenberg from 2019-05-01 (one person), closed from 2019-07-01
            String b = TestEvents.newCaseId(HALLENBERG);
            TestEvents.publish(TestEvents.caseOpened(b, HALLENBERG, LocalDate.of(2019, 5, 1)), b, HALLENBERG, 1);
            TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1960, 1), Sex.MALE, true,
                    LocalDate.of(2019, 5, 1)), b, HALLENBERG, 2);
            TestEvents.publish(new CaseClosed(LocalDate.of(2019, 7, 1), "pension"), b, HALLENBERG, 3);
        }
        TestKafka.awaitConsumed(TestKafka.CASE_EVENTS, () -> status.checkpoints(CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS));

        String analyst = TestTokens.analyst();
        // Feb 2019: nothing yet
        given().auth().oauth2(analyst).queryParam("month", "2019-02").when().get("/api/v1/stocks").then()
                .statusCode(200).body("municipalities", hasSize(12))
                .body("municipalities.find { it.ags == '05958028' }.cases", equalTo(0))
                .body("municipalities.find { it.ags == '05958020' }.cases", equalTo(0));
        // May 2019: A (2 persons) in Medebach, B (1) in Hallenberg
        given().auth().oauth2(analyst).queryParam("month", "2019-05").when().get("/api/v1/stocks").then()
                .statusCode(200).body("referenceDate", equalTo("2019-05-31"))
                .body("municipalities.find { it.ags == '05958028' }.cases", equalTo(3))
                .body("municipalities.find { it.ags == '05958028' }.persons", equalTo(6))
                .body("municipalities.find { it.ags == '05958020' }.persons", equalTo(3))
                .body("municipalities.find { it.ags == '05958020' }.cases", equalTo(3));
        // June: the child has left A
        given().auth().oauth2(analyst).queryParam("month", "2019-06").when().get("/api/v1/stocks").then()
                .body("municipalities.find { it.ags == '05958028' }.persons", equalTo(3));
        // July: B is closed
        given().auth().oauth2(analyst).queryParam("month", "2019-07").when().get("/api/v1/stocks").then()
                .body("municipalities.find { it.ags == '05958028' }.cases", equalTo(3))
                .body("municipalities.find { it.ags == '05958020' }.cases", equalTo(0));
        // August: A now counts for Hallenberg
        given().auth().oauth2(analyst).queryParam("month", "2019-08").when().get("/api/v1/stocks").then()
                .body("municipalities.find { it.ags == '05958028' }.cases", equalTo(0))
                .body("municipalities.find { it.ags == '05958020' }.cases", equalTo(3))
                .body("municipalities.find { it.ags == '05958020' }.name", equalTo("Hallenberg"));
        // the district is the sum of its municipalities (a suppressed municipality hides a count of 1 or 2)
        var view = given().auth().oauth2(analyst).queryParam("month", "2019-08").when().get("/api/v1/stocks")
                .then().extract().jsonPath();
        for (String figure : List.of("cases", "persons")) {
            List<Long> parts = view.getList("municipalities." + figure, Long.class);
            long shown = parts.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
            long hidden = parts.stream().filter(java.util.Objects::isNull).count();
            assertThat(view.getLong("district." + figure)).isBetween(shown + hidden, shown + 2 * hidden);
        }
    }

    @Test
    void theMonthIsRequiredAndValidated() {
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/stocks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("month", "2019-13").when().get("/api/v1/stocks")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().auth().oauth2(TestTokens.portal("portal-demo")).queryParam("month", "2019-05").when()
                .get("/api/v1/stocks").then().statusCode(403);
    }
}
