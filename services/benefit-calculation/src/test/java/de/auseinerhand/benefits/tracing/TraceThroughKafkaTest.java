package de.auseinerhand.benefits.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One trace from the REST call through the outbox and Kafka to the projection, on the real broker and
 * database: the request's server span, the stored envelope's {@code traceparent}, the relay's PRODUCER
 * span and this service's own CONSUMER span (benefit-calculation reads case-events, its own events
 * included) share the trace id and form a chain of parents.
 */
@QuarkusTest
class TraceThroughKafkaTest {

    static final String MESCHEDE = "05958032";
    static final String CASEWORKER = TestTokens.caseworker("cw-meschede-1", MESCHEDE);
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    AgroalDataSource dataSource;

    record Stored(String eventId, String type, String traceparent) {
    }

    @Test
    void theApplicationIsOneTraceFromRequestToProjection() throws Exception {
        String caseId = knownSingleAdult();
        String path = "/api/v1/cases/" + caseId + "/benefits/application";

        // no traceparent from the client: the trace starts at the service
        given().auth().oauth2(CASEWORKER).contentType("application/json")
                .body("{\"receivedOn\": \"" + TestClock.today() + "\"}").post(path).then().statusCode(201);

        // the stored envelope names the request's server span, which shows the route, not the case number
        Stored event = applicationReceived(caseId);
        String[] parts = event.traceparent().split("-");
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getSpanId().equals(parts[2]));
        String traceId = server.getTraceId();
        assertThat(event.traceparent()).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
        assertThat(server.getAttributes().get(URL_PATH)).isEqualTo("/api/v1/cases/{caseId}/benefits/application");
        assertThat(server.getName()).doesNotContain(caseId);

        SpanData producer = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && event.eventId().equals(s.getAttributes().get(MESSAGE_ID)));
        assertThat(producer.getName()).isEqualTo("send case-events");
        assertThat(producer.getTraceId()).isEqualTo(traceId);
        assertThat(producer.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(producer.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo("case-events");

        SpanData consumer = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && event.eventId().equals(s.getAttributes().get(MESSAGE_ID)));
        assertThat(consumer.getName()).isEqualTo("benefit-calculation process " + event.type());
        assertThat(consumer.getTraceId()).isEqualTo(traceId);
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")))
                .isEqualTo("benefit-calculation");
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type"))).isEqualTo(event.type());

        // the case id (the record key) is in none of the event store's spans
        for (SpanData s : List.of(server, producer, consumer)) {
            assertThat(s.getAttributes().asMap().values()).noneMatch(v -> String.valueOf(v).contains(caseId));
        }
        // one span per record on the consumer side: the connector's own receive spans are off
        assertThat(spans.getFinishedSpanItems()).filteredOn(s -> s.getTraceId().equals(traceId))
                .filteredOn(s -> s.getKind() == SpanKind.CONSUMER).hasSize(1);
    }

    private static String knownSingleAdult() {
        String caseId = TestEvents.newCaseId(MESCHEDE);
        java.time.LocalDate since = TestClock.thisMonth().minusMonths(1).atDay(1);
        TestEvents.publish(TestEvents.caseOpened(caseId, MESCHEDE, since), caseId, MESCHEDE, 1);
        TestEvents.publish(TestEvents.person(PersonRole.HEAD, YearMonth.of(1988, 4), Sex.FEMALE, true, since), caseId, MESCHEDE, 2);
        TestEvents.publish(new HousingCostsDeclared(since, new BigDecimal("400.00"), new BigDecimal("80.00"),
                BigDecimal.ZERO.setScale(2), 1, null), caseId, MESCHEDE, 3);
        Eventually.assertSoon(() -> given().auth().oauth2(CASEWORKER).get("/api/v1/known-cases/{id}", caseId).then()
                .statusCode(200).body("persons", hasSize(1)));
        return caseId;
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> match) {
        SpanData[] found = new SpanData[1];
        Eventually.assertSoon(() -> {
            Optional<SpanData> span = spans.getFinishedSpanItems().stream().filter(match).findFirst();
            assertThat(span).isPresent();
            found[0] = span.get();
        });
        return found[0];
    }

    private Stored applicationReceived(String caseId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select event_id::text, event_type, envelope->>'traceparent' "
                        + "from es_event where subject = ? and event_type like '%application-received%'")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("application-received of %s stored", caseId).isTrue();
                return new Stored(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }
}
