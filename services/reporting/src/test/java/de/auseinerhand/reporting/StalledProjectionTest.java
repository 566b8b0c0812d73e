package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.reporting.projection.CaseEventsConsumer;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import de.auseinerhand.testsupport.Management;

/**
 * Fault F12: a projection table locked by someone else (a long maintenance transaction, a stuck migration) for longer
 * than anyone should wait. The projection must not stop silently: the consumer's lock wait is bounded
 * ({@code aeh.consumer.lock-timeout}), its retries make readiness DOWN once the record has been held up longer than
 * {@code aeh.consumer.stall-threshold}, reads answer 503 with Retry-After instead of hanging, and when the lock is
 * released everything recovers by itself and the held-up event is applied (not dead-lettered, not lost).
 */
@QuarkusTest
class StalledProjectionTest {

    static final String WINTERBERG = "05958048";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConsumerStatus status;

    @Test
    void aLockedProjectionTableMakesTheServiceNotReadyAndItRecoversByItselfWithoutLosingTheEvent() throws Exception {
        String caseId = TestEvents.newCaseId(WINTERBERG);
        EventEnvelope opened = TestEvents.publish(TestEvents.caseOpened(caseId, WINTERBERG, LocalDate.of(2019, 4, 1)), caseId,
                WINTERBERG, 1);
        Eventually.assertSoon(() -> assertThat(status.hasProcessed(CaseEventsConsumer.CONSUMER, opened.id())).isTrue());
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        long deadBefore = status.deadLettered(CaseEventsConsumer.CONSUMER);

        EventEnvelope person;
        // Winterberg's stocks are asserted by no other test of this module
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // the view and, through it, the active version's table: nobody may read or write it
                s.execute("lock table rp_membership in access exclusive mode");
            }
            person = TestEvents.envelope(TestEvents.person(PersonRole.HEAD, YearMonth.of(1980, 2), Sex.MALE, true,
                    LocalDate.of(2019, 4, 1)), caseId, WINTERBERG, 2);
            TestEvents.publish(person);

            Eventually.assertWithin(Duration.ofSeconds(30), () -> {
                Response ready = Management.given().when().get("/q/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.asString()).contains("held up");
            });
            Response read = given().auth().oauth2(TestTokens.analyst()).queryParam("month", "2019-04").when().get("/api/v1/stocks");
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.header("Retry-After")).isNotBlank();
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(status.hasProcessed(CaseEventsConsumer.CONSUMER, person.id())).isFalse();
            lock.rollback();
        }

        Eventually.assertWithin(Duration.ofSeconds(30), () -> {
            assertThat(status.hasProcessed(CaseEventsConsumer.CONSUMER, person.id())).isTrue();
            Management.given().when().get("/q/health/ready").then().statusCode(200);
        });
        assertThat(status.deadLettered(CaseEventsConsumer.CONSUMER)).isEqualTo(deadBefore);
        assertThat(status.isParked(CaseEventsConsumer.CONSUMER, caseId)).isFalse();
        given().auth().oauth2(TestTokens.analyst()).queryParam("month", "2019-04").when().get("/api/v1/stocks").then().statusCode(200);
    }
}
