package de.auseinerhand.benefits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.ApiFuzz;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's API, fuzzed from its OpenAPI document against a household the registry's events
 * made known (libs/test-support ApiFuzz): no 5xx, every error a problem+json, and no refused request wrote an event.
 */
@QuarkusTest
class ApiFuzzTest {
    static final String BRILON = "05958012";

    @Inject
    DataSource dataSource;

    @Test
    void noRequestBreaksTheServiceOrWritesWhenRefused() {
        String caseId = TestEvents.newCaseId(BRILON);
        TestEvents.publish(TestEvents.caseOpened(caseId, BRILON, TestClock.today().minusMonths(3).withDayOfMonth(1)), caseId, BRILON, 1);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1979, 5), Sex.MALE, true, TestClock.today().minusMonths(3).withDayOfMonth(1));
        TestEvents.publish(head, caseId, BRILON, 2);
        String cw = TestTokens.caseworker("cw-fuzz", BRILON);
        Eventually.assertSoon(() -> given().auth().oauth2(cw).get("/api/v1/known-cases/{id}", caseId).then().statusCode(200));
        ApiFuzz fuzz = new ApiFuzz(cw, Map.of("caseId", caseId, "personId", head.personId().toString()), ApiFuzz.eventsOf(dataSource, caseId), 250);
        ApiFuzz.Result result = fuzz.run("/api/v1/", List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        assertThat(result.requests()).as("requests sent").isGreaterThan(400);
        assertThat(result.findings()).as("findings with seed " + ApiFuzz.seed()).isEmpty();
    }
}
