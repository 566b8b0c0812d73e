package de.auseinerhand.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The clients job-placement knows (employable members) come from the registry's events on the real broker. */
@QuarkusTest
class KnownCasesTest {

    static final String SUNDERN = "05958044";

    @Inject
    ConsumerStatus status;

    @Test
    void membersWhoLeaveAndClosedCasesAreShownAsSuch() {
        String caseId = TestEvents.newCaseId(SUNDERN);
        PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1985, 1), Sex.FEMALE, true,
                LocalDate.of(2025, 11, 1));
        PersonRegistered partner = TestEvents.person(PersonRole.PARTNER, YearMonth.of(1983, 7), Sex.MALE, true,
                LocalDate.of(2025, 11, 1));
        TestEvents.publish(TestEvents.caseOpened(caseId, SUNDERN, LocalDate.of(2025, 11, 1)), caseId, SUNDERN, 1);
        TestEvents.publish(head, caseId, SUNDERN, 2);
        TestEvents.publish(partner, caseId, SUNDERN, 3);
        TestEvents.publish(new PersonLeftCase(partner.personId(), LocalDate.of(2026, 1, 1), "moved out"), caseId, SUNDERN, 4);
        EventEnvelope closed = TestEvents.publish(new CaseClosed(LocalDate.of(2026, 3, 1), "income"), caseId, SUNDERN, 5);
        String token = TestTokens.caseworker("cw-sundern-1", SUNDERN);

        Eventually.assertSoon(() -> assertThat(status.hasProcessed("job-placement", closed.id())).isTrue());
        given().auth().oauth2(token).when().get("/api/v1/known-cases/{id}", caseId).then().statusCode(200)
                .body("closedOn", equalTo("2026-03-01")).body("persons", hasSize(2))
                .body("persons.find { it.role == 'PARTNER' }.leftOn", equalTo("2026-01-01"))
                .body("persons.find { it.role == 'HEAD' }.joinedOn", notNullValue());
    }
}
