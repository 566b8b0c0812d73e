package de.auseinerhand.registry.benchmark;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.UnemploymentStarted;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.StoredEvent;
import de.auseinerhand.eventstore.outbox.OutboxRelay;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Load driver for the event store and the outbox (not part of the test suite). Run with
 * {@code ./mvnw -pl services/client-registry test -Pbenchmark}; results go to the console and to
 * {@code target/benchmarks/event-store.txt}; record them in docs/benchmarks.md.
 */
@QuarkusTest
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventStoreBenchmark {

    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final EventMetadata META = EventMetadata.system("benchmark");
    private static final List<String> REPORT = new ArrayList<>();

    @Inject
    EventStore store;

    @Inject
    OutboxRelay relay;

    @Test
    @Order(1)
    void committedToTopicLatencyAt200EventsPerSecond() throws Exception {
        int rate = 200;
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        // the consumer may see an event before the writer has noted its commit time: keep both, pair them at the end
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(seenAt, consuming), "bench-consumer");
        consumer.start();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(4);
        AtomicLong measuring = new AtomicLong(0);
        long periodNanos = 1_000_000_000L / rate;
        var task = ticker.scheduleAtFixedRate(() -> {
            String caseId = "BG-05958032-" + UUID.randomUUID();
            List<StoredEvent> stored = QuarkusTransaction.requiringNew().call(() -> store.append("case-" + caseId, 0,
                    List.of(new NewEvent(new CaseOpened(caseId, "05958032", de.auseinerhand.testsupport.TestClock.today()), caseId, "05958032")), META));
            if (measuring.get() == 1) {
                committedAt.put(stored.get(0).envelope().id(), System.nanoTime());
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        parkFor(WARMUP);
        measuring.set(1);
        parkFor(MEASURE);
        measuring.set(2);
        task.cancel(false);
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        Eventually.assertWithin(Duration.ofSeconds(60), () -> {
            long seen = committedAt.keySet().stream().filter(seenAt::containsKey).count();
            if (seen < committedAt.size()) {
                throw new AssertionError(seen + " of " + committedAt.size() + " seen");
            }
        });
        consuming.set(false);
        consumer.join();
        List<Long> latencies = new ArrayList<>();
        committedAt.forEach((id, t0) -> latencies.add(seenAt.get(id) - t0));
        report(String.format("commit -> on topic (seen by a consumer), %d events/s for %d s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms",
                rate, MEASURE.toSeconds(), latencies.size(), pct(latencies, 50), pct(latencies, 99), pct(latencies, 100)));
    }

    private void consume(Map<UUID, Long> seenAt, AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(TestKafka.CASE_EVENTS));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    seenAt.putIfAbsent(EventCodec.instance().parse(r.value()).id(), now);
                }
            }
        }
    }

    @Test
    @Order(2)
    void appendOneEventPerTransactionWith16Writers() throws Exception {
        runWriters("append, 1 event per transaction, 16 writers", 16, 1);
    }

    @Test
    @Order(3)
    void appendHundredEventsPerTransaction() throws Exception {
        runWriters("bulk append, 100 events per transaction, 4 writers", 4, 100);
    }

    /**
     * The store alone: the relay is paused while the writers run (in this JVM it would share the two
     * cores with an in-process broker, which production does not), then resumed, and its drain rate
     * is reported as the relay's own throughput.
     */
    private void runWriters(String name, int writers, int batch) throws Exception {
        relay.pause();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong phase = new AtomicLong(0);
        List<Future<long[]>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                long events = 0;
                while (phase.get() < 2) {
                    String caseId = "BG-05958004-" + UUID.randomUUID();
                    List<NewEvent> list = new ArrayList<>(batch);
                    list.add(new NewEvent(new CaseOpened(caseId, "05958004", de.auseinerhand.testsupport.TestClock.today()), caseId, "05958004"));
                    for (int i = 1; i < batch; i++) {
                        list.add(new NewEvent(new UnemploymentStarted(UUID.randomUUID(), de.auseinerhand.testsupport.TestClock.today(), null), caseId, "05958004"));
                    }
                    long t0 = System.nanoTime();
                    QuarkusTransaction.requiringNew().run(() -> store.append("case-" + caseId, 0, list, META));
                    long t1 = System.nanoTime();
                    if (phase.get() == 1) {
                        lat.add(t1 - t0);
                        events += batch;
                    }
                }
                long[] out = new long[lat.size() + 1];
                out[0] = events;
                for (int i = 0; i < lat.size(); i++) {
                    out[i + 1] = lat.get(i);
                }
                return out;
            }));
        }
        parkFor(WARMUP);
        long start = System.nanoTime();
        phase.set(1);
        parkFor(MEASURE);
        phase.set(2);
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = 0;
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : results) {
            long[] r = f.get();
            events += r[0];
            for (int i = 1; i < r.length; i++) {
                latencies.add(r[i]);
            }
        }
        pool.shutdown();
        report(String.format("%s: %.0f events/s, %d transactions, latency p50=%.1f ms p99=%.1f ms",
                name, events / seconds, latencies.size(), pct(latencies, 50), pct(latencies, 99)));
        long drainStart = System.nanoTime();
        relay.resume();
        Eventually.assertWithin(Duration.ofMinutes(5), () -> {
            if (relay.backlog() > 0 || !relay.isLeader()) {
                throw new AssertionError("backlog " + relay.backlog());
            }
        });
        double drain = (System.nanoTime() - drainStart) / 1e9;
        report(String.format("  outbox relay drained that backlog to Kafka at %.0f events/s (%.1f s)", events / drain, drain));
    }

    private static double pct(List<Long> nanos, int percentile) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        if (a.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(percentile / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, idx))] / 1e6;
    }

    private static void parkFor(Duration d) {
        // the driver's own clock: warm-up and measuring windows, not a wait for a result
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(end - System.nanoTime());
        }
    }

    private static void report(String line) throws IOException {
        String stamped = Instant.now(de.auseinerhand.testsupport.TestClock.clock()) + " " + line;
        System.out.println("BENCHMARK " + stamped);
        REPORT.add(stamped);
        Path out = Path.of("target", "benchmarks", "event-store.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, REPORT);
    }
}
