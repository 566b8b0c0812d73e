package de.auseinerhand.registry.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.eventstore.outbox.OutboxRelay;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A relay that dies after the broker acknowledged but before it removed the rows publishes them
 * again when it comes back: at-least-once, with the same event ids (consumers deduplicate on them;
 * see reporting's DuplicateDeliveryTest for the consumer side).
 */
@QuarkusTest
class RelayCrashTest {

    @Inject
    OutboxRelay relay;

    @Inject
    javax.sql.DataSource dataSource;

    long outboxRows(String caseId) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select count(*) from es_outbox where message_key = ?")) {
            ps.setString(1, caseId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void rowsAcknowledgedButNotRemovedArePublishedAgainWithTheSameIds() throws Exception {
        String token = TestTokens.caseworker("cw-olsberg-1", "05958036");
        relay.pause();
        String caseId;
        try {
            caseId = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("municipality", "05958036")).when().post("/api/v1/cases")
                    .then().statusCode(201).extract().path("caseId");
            int published = relay.publishPendingWithoutRemoving();
            assertThat(published).isGreaterThanOrEqualTo(1);
            // acknowledged by the broker, yet still in the outbox: the relay "died" before removing it
            assertThat(outboxRows(caseId)).as("rows of the case left in the outbox").isEqualTo(1);
        } finally {
            relay.resume();
        }
        Eventually.assertSoon(() -> {
            List<UUID> ids = TestKafka.readAll(TestKafka.CASE_EVENTS).stream().filter(r -> caseId.equals(r.key()))
                    .map(r -> EventCodec.instance().parse(r.value()).id()).toList();
            assertThat(ids).hasSize(2);
            assertThat(ids.get(0)).isEqualTo(ids.get(1));
        });
    }
}
