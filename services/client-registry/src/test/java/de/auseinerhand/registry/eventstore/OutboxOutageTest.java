package de.auseinerhand.registry.eventstore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.eventstore.outbox.OutboxRelay;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Kafka away for 30 s while commands keep coming: nothing fails, nothing is lost, order per case holds. */
@QuarkusTest
class OutboxOutageTest {

    static final String TOKEN = TestTokens.caseworker("cw-brilon-1", "05958012");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void commandsSucceedWhileKafkaIsAwayAndTheRelayCatchesUpInOrder() throws Exception {
        List<String> cases = new ArrayList<>();
        TestKafka.disconnect();
        long outageEnds = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < outageEnds) {
                String caseId = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                        .body(Map.of("municipality", "05958012", "openedOn", "2026-02-01"))
                        .when().post("/api/v1/cases").then().statusCode(201).extract().path("caseId");
                given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(Map.of("role", "HEAD", "firstName", "A", "lastName", "B", "birthDate", "1970-01-01",
                                "sex", "MALE", "employable", true))
                        .when().post("/api/v1/cases/{id}/persons", caseId).then().statusCode(201);
                cases.add(caseId);
                // paces the stream of commands (a steady trickle, like case workers typing); not a wait for a result
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            assertThat(relay.backlog()).as("rows wait in the outbox during the outage").isPositive();
        } finally {
            TestKafka.reconnect();
        }
        assertThat(cases).hasSizeGreaterThan(20);

        Set<UUID> stored = storedEventIds(cases);
        assertThat(stored).hasSize(cases.size() * 2);
        Eventually.assertWithin(Duration.ofSeconds(90), () -> {
            Map<String, List<EventEnvelope>> onTopic = new HashMap<>();
            Set<UUID> ids = new HashSet<>();
            for (ConsumerRecord<String, String> r : TestKafka.readAll(TestKafka.CASE_EVENTS)) {
                if (cases.contains(r.key())) {
                    EventEnvelope e = EventCodec.instance().parse(r.value());
                    onTopic.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                    ids.add(e.id());
                }
            }
            assertThat(ids).containsAll(stored);
            for (List<EventEnvelope> perCase : onTopic.values()) {
                List<Long> versions = perCase.stream().map(EventEnvelope::streamversion).toList();
                assertThat(versions).as("order per case").isSorted();
            }
        });
        Eventually.assertSoon(() -> assertThat(relay.backlog()).isZero());
    }

    private Set<UUID> storedEventIds(List<String> cases) throws Exception {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select event_id, subject from es_event")) {
            while (rs.next()) {
                if (cases.contains(rs.getString(2))) {
                    ids.add((UUID) rs.getObject(1));
                }
            }
        }
        return ids;
    }
}
