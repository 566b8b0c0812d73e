package de.auseinerhand.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.eventstore.consumer.ConsumerStatus;
import de.auseinerhand.reporting.projection.CaseEventsConsumer;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import de.auseinerhand.testsupport.Management;

/** What a consumer does with duplicates and poison: effect once; poison to the DLQ with its reason, later events of that case after it. */
@QuarkusTest
class DeliveryFailuresTest {

    static final String ESLOHE = "05958016";

    @Inject
    ConsumerStatus status;

    private void awaitConsumed() {
        TestKafka.awaitConsumed(TestKafka.CASE_EVENTS, () -> status.checkpoints(CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS));
    }

    @Test
    void anEventDeliveredTwiceTakesEffectOnce() {
        // the topic after a relay crashed between the broker's ack and removing its row: the same event twice,
        // in three cases (stocks suppress counts of 1 and 2: three persons, six if the duplicates took effect)
        for (int i = 0; i < 3; i++) {
            String caseId = TestEvents.newCaseId(ESLOHE);
            TestEvents.publish(TestEvents.caseOpened(caseId, ESLOHE, LocalDate.of(2018, 1, 15)), caseId, ESLOHE, 1);
            EventEnvelope person = TestEvents.envelope(TestEvents.person(PersonRole.HEAD, YearMonth.of(1990, 3),
                    Sex.FEMALE, true, LocalDate.of(2018, 1, 15)), caseId, ESLOHE, 2);
            TestEvents.publish(person);
            TestEvents.publish(person);
            awaitConsumed();
            long onTopic = TestKafka.readAll(TestKafka.CASE_EVENTS).stream().filter(r -> caseId.equals(r.key())).count();
            assertThat(onTopic).isEqualTo(3);
        }
        given().auth().oauth2(TestTokens.analyst()).queryParam("month", "2018-01").when().get("/api/v1/stocks")
                .then().statusCode(200).body("municipalities.find { it.ags == '05958016' }.persons", equalTo(3));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerKeepsRunning() {
        String poisoned = TestEvents.newCaseId(ESLOHE);
        TestKafka.send(TestKafka.CASE_EVENTS, poisoned, "{\"this is\": \"not a case event\"");
        // a valid later event of the same case must not overtake the poison
        TestEvents.publish(TestEvents.caseOpened(poisoned, ESLOHE, LocalDate.of(2017, 5, 1)), poisoned, ESLOHE, 1);
        // other cases are not affected (three of them: stocks suppress counts of 1 and 2)
        EventEnvelope ok = null;
        for (int i = 0; i < 3; i++) {
            String healthy = TestEvents.newCaseId(ESLOHE);
            ok = TestEvents.publish(TestEvents.caseOpened(healthy, ESLOHE, LocalDate.of(2017, 5, 2)), healthy, ESLOHE, 1);
        }
        EventEnvelope last = ok;

        Eventually.assertSoon(() -> assertThat(status.hasProcessed(CaseEventsConsumer.CONSUMER, last.id())).isTrue());
        Eventually.assertSoon(() -> {
            List<ConsumerRecord<String, String>> dead = TestKafka.readAll(TestKafka.DLQ).stream()
                    .filter(r -> poisoned.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            String firstReason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(firstReason).contains("malformed event").contains("not JSON");
            String secondReason = new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertThat(secondReason).contains("parked");
        });
        given().auth().oauth2(TestTokens.analyst()).queryParam("month", "2017-05").when().get("/api/v1/stocks")
                .then().statusCode(200).body("municipalities.find { it.ags == '05958016' }.cases", equalTo(3));
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'case-events consumer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'case-events consumer' }.data.parkedCases",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        // this case is parked, the healthy ones are not (other tests share the database and may park their own)
        assertThat(status.isParked(CaseEventsConsumer.CONSUMER, poisoned)).isTrue();
        assertThat(status.isParked(CaseEventsConsumer.CONSUMER, last.subject())).isFalse();
        assertThat(status.deadLettered(CaseEventsConsumer.CONSUMER)).isGreaterThanOrEqualTo(2);
        // operators see them as metrics too, beside the connector's consumer lag
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "aeh_dead_letters")).isGreaterThanOrEqualTo(2);
        assertThat(gauge(metrics, "aeh_parked_cases")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag").contains("agroal_active_count");
    }

    static double gauge(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow(() -> new AssertionError(name + " missing"));
    }
}
