package de.auseinerhand.reporting.benchmark;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.Period;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.benefits.PostedPersonAmount;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.events.registry.Sex;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestEvents;
import de.auseinerhand.testsupport.TestKafka;
import de.auseinerhand.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.tools.ConsumerPerformance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Catch-up of an empty reporting database (the log written while the live consumer is held), rebuild rate of the
 * indicator facts (target ≥ 20,000 events/s) beside the rate of Kafka's own
 * ConsumerPerformance tool on the same topic, and the indicator query for one month and all
 * municipalities (target p99 ≤ 50 ms). Run:
 * {@code ./mvnw test -pl services/reporting -Pbenchmark -Dtest=RebuildBenchmark -Dbench.cases=10000}.
 */
@QuarkusTest
@Tag("benchmark")
class RebuildBenchmark {

    @jakarta.inject.Inject
    de.auseinerhand.eventstore.consumer.ConsumerStatus status;

    @jakarta.inject.Inject
    de.auseinerhand.reporting.facts.Rebuilds rebuilds;

    @jakarta.inject.Inject
    io.smallrye.reactive.messaging.kafka.KafkaClientService kafka;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aeh.reporting.catch-up-threshold")
    long catchUpThreshold;

    @Test
    void rebuildRateAndIndicatorQuery() throws Exception {
        int cases = Integer.getInteger("bench.cases", 10_000);
        String admin = TestTokens.admin();
        long t0 = System.nanoTime();
        int events = 0;
        List<String> towns = List.of("05958004", "05958008", "05958012", "05958016", "05958020", "05958024", "05958028", "05958032",
                "05958036", "05958040", "05958044", "05958048");
        // the live consumer is held while the log is written, as if reporting's database had been lost with it all behind
        var live = kafka.<Object, Object>getConsumer("case-events");
        live.pause().await().atMost(Duration.ofSeconds(10));
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            for (int i = 0; i < cases; i++) {
                String town = towns.get(i % towns.size());
                String caseId = String.format("BG-%s-%06d", town, 500_000 + i);
                LocalDate from = LocalDate.of(2024, 1 + i % 12, 1);
                PersonRegistered head = TestEvents.person(PersonRole.HEAD, YearMonth.of(1970 + i % 30, 1 + i % 12), i % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                        true, from);
                PersonRegistered partner = TestEvents.person(PersonRole.PARTNER, YearMonth.of(1972 + i % 30, 2), Sex.MALE, i % 3 != 0, from);
                UUID decision = UUID.randomUUID();
                List<PersonEntitlement> amounts = List.of(entitlement(head.personId(), "506.00"), entitlement(partner.personId(), "506.00"));
                List<EventData> history = new ArrayList<>(List.of(TestEvents.caseOpened(caseId, town, from), head, partner,
                        new EntitlementDecided(decision, new Period(from, from.plusMonths(12).minusDays(1)), false, "2024-01", amounts,
                                new BigDecimal("1612.00"), new BigDecimal("1012.00"), new BigDecimal("600.00"), null, null, null),
                        new EntitlementAmended(decision, from.plusMonths(3), "income", "2024-01", List.of(entitlement(head.personId(), "300.00"),
                                entitlement(partner.personId(), "506.00")), new BigDecimal("1406.00"), new BigDecimal("806.00"),
                                new BigDecimal("600.00"))));
                for (int m = 0; m < 7; m++) {
                    history.add(new MonthlyEntitlementPosted(YearMonth.from(from).plusMonths(m), List.of(
                            new PostedPersonAmount(head.personId(), new BigDecimal("506.00"), new BigDecimal("300.00"), BigDecimal.ZERO,
                                    new BigDecimal("806.00"))), new BigDecimal("1012.00"), new BigDecimal("600.00"), BigDecimal.ZERO,
                            new BigDecimal("1612.00")));
                }
                long v = 0;
                for (EventData d : history) {
                    EventEnvelope e = EventCodec.envelope(UUID.randomUUID(), d, caseId, de.auseinerhand.testsupport.TestClock.now(), town, "bench-" + caseId, ++v,
                            UUID.randomUUID(), null, "user:bench", null);
                    producer.send(new ProducerRecord<>(TestKafka.CASE_EVENTS, caseId, EventCodec.instance().toJson(e)));
                    events++;
                }
            }
            producer.flush();
        }
        System.out.printf("published %d events of %d cases in %.1f s%n", events, cases, (System.nanoTime() - t0) / 1e9);
        long total = TestKafka.endOffsets(TestKafka.CASE_EVENTS).values().stream().mapToLong(Long::longValue).sum();

        // Kafka's own consumer performance tool on the same topic, same machine
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            ConsumerPerformance.main(new String[] {"--bootstrap-server", TestKafka.bootstrapServers(), "--topic", TestKafka.CASE_EVENTS,
                    "--messages", String.valueOf(total), "--timeout", "60000"});
        } finally {
            System.setOut(stdout);
        }
        System.out.println("ConsumerPerformance (" + total + " messages):\n" + out);

        // a reporting whose database was lost finds the whole log behind it at start-up (issue 12 §4): what it does then is
        // timed here: the catch-up rebuild fills the facts, moves the live consumer's checkpoints to the end, and the live
        // consumer, which meanwhile read from offset 0, moves on to them
        Map<Integer, Long> end = TestKafka.endOffsets(TestKafka.CASE_EVENTS);
        long tc = System.nanoTime();
        live.resume().await().atMost(Duration.ofSeconds(10));
        de.auseinerhand.reporting.facts.Rebuilds.Progress started = rebuilds.catchUpIfFarBehind(catchUpThreshold);
        org.assertj.core.api.Assertions.assertThat(started).as("a catch-up rebuild").isNotNull();
        Eventually.assertWithin(Duration.ofMinutes(60), () -> {
            Map<Integer, Long> at = status.checkpoints(de.auseinerhand.reporting.projection.CaseEventsConsumer.CONSUMER, TestKafka.CASE_EVENTS);
            org.assertj.core.api.Assertions.assertThat(end).allSatisfy((partition, offset) ->
                    org.assertj.core.api.Assertions.assertThat(at.getOrDefault(partition, 0L)).isGreaterThanOrEqualTo(offset));
        });
        double filled = (System.nanoTime() - tc) / 1e9;
        Eventually.assertWithin(Duration.ofMinutes(10), () -> {
            Map<org.apache.kafka.common.TopicPartition, Long> positions = live.getPositions().await().atMost(Duration.ofSeconds(10));
            org.assertj.core.api.Assertions.assertThat(end).allSatisfy((partition, offset) -> org.assertj.core.api.Assertions.assertThat(
                    positions.getOrDefault(new org.apache.kafka.common.TopicPartition(TestKafka.CASE_EVENTS, partition), 0L)).isGreaterThanOrEqualTo(offset));
        });
        double movedOn = (System.nanoTime() - tc) / 1e9;
        System.out.printf("catch-up of an empty database: %d events; facts filled and checkpoints at the end after %.1f s (%.0f events/s),"
                + " live consumer at the end after %.1f s; %s%n", total, filled, total / filled, movedOn, rebuilds.progress());

        // wait until the live projection has applied the log, then rebuild
        Eventually.assertWithin(Duration.ofMinutes(20), () -> given().auth().oauth2(TestTokens.analyst())
                .get("/api/v1/indicators?month=2024-12&municipality=district&sex=ALL&mode=early").then().statusCode(200)
                .body("rows[0].figures.elb", org.hamcrest.Matchers.greaterThanOrEqualTo(cases)));
        given().auth().oauth2(admin).post("/api/v1/admin/rebuilds").then().statusCode(202);
        Eventually.assertWithin(Duration.ofMinutes(20), () -> given().auth().oauth2(admin).get("/api/v1/admin/rebuilds/current").then()
                .statusCode(200).body("status", equalTo("DONE")));
        Map<String, Object> done = given().auth().oauth2(admin).get("/api/v1/admin/rebuilds/current").then().extract().jsonPath().getMap("$");
        System.out.println("rebuild: " + done);

        // indicator query: one month, all municipalities; the first call computes, later ones are answered from the cache while no
        // event arrives, so the cold figure is measured for several months
        // warm-up of the computing path (JIT) with another cutoff, whose results are cached under their own key
        for (int i = 0; i < 12; i++) {
            given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators?month=" + YearMonth.of(2025, 1).plusMonths(i)
                    + "&asOf=2025-12-31&mode=final").then().statusCode(200);
        }
        long[] cold = new long[24];
        for (int i = 0; i < cold.length; i++) {
            long s = System.nanoTime();
            given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators?month=" + YearMonth.of(2024, 7).plusMonths(i)
                    + "&asOf=2026-01-31&mode=final").then().statusCode(200);
            cold[i] = (System.nanoTime() - s) / 1_000_000;
        }
        java.util.Arrays.sort(cold);
        System.out.printf("indicator query, first call per month (computed) after a warm-up, 24 months: median %d ms, p90 %d ms, max %d ms%n",
                cold[11], cold[21], cold[23]);
        long[] ms = new long[100];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators?month=2025-06&asOf=2026-01-31&mode=final").then().statusCode(200);
            ms[i] = (System.nanoTime() - s) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("indicator query (one month, 12 municipalities + district, 3 sexes), 100 repeated calls: p50 %d ms, p90 %d ms, p99 %d ms%n",
                ms[49], ms[89], ms[98]);
    }

    static PersonEntitlement entitlement(UUID person, String llu) {
        return new PersonEntitlement(person, new BigDecimal("506.00"), List.of(), new BigDecimal("300.00"), BigDecimal.ZERO,
                new BigDecimal(llu), new BigDecimal("300.00"), new BigDecimal(llu).add(new BigDecimal("300.00")));
    }
}
