package de.auseinerhand.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.UnemploymentStarted;
import de.auseinerhand.eventstore.ConcurrencyConflictException;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.StoredEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventStoreReliabilityTest {

    @Inject
    EventStore store;

    private static final EventMetadata META = EventMetadata.system("test");

    @Test
    void fiftyConcurrentAppendsAtTheSameVersionLetExactlyOneWin() throws Exception {
        String caseId = "BG-05958032-" + String.format("%06d", (int) (Math.random() * 900000) + 100000);
        String stream = "case-" + caseId;
        QuarkusTransaction.requiringNew().run(() -> store.append(stream, 0,
                List.of(new NewEvent(new CaseOpened(caseId, "05958032", LocalDate.of(2026, 1, 5)), caseId, "05958032")), META));

        int writers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    QuarkusTransaction.requiringNew().run(() -> store.append(stream, 1, List.of(new NewEvent(
                            new UnemploymentStarted(UUID.randomUUID(), LocalDate.of(2026, 1, 6), null), caseId,
                            "05958032")), META));
                    return true;
                } catch (ConcurrencyConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int successes = 0;
        for (Future<Boolean> f : results) {
            if (f.get(60, TimeUnit.SECONDS)) {
                successes++;
            }
        }
        pool.shutdown();

        assertThat(successes).isEqualTo(1);
        List<StoredEvent> events = store.readStream(stream);
        assertThat(events).extracting(e -> e.envelope().streamversion()).containsExactly(1L, 2L);
        assertThat(store.currentVersion(stream)).isEqualTo(2);
    }

    @Test
    void aBulkAppendGetsContiguousVersionsAndAscendingPositions() {
        String caseId = "BG-05958004-" + String.format("%06d", (int) (Math.random() * 900000) + 100000);
        String stream = "case-" + caseId;
        List<NewEvent> batch = new ArrayList<>();
        batch.add(new NewEvent(new CaseOpened(caseId, "05958004", LocalDate.of(2026, 1, 5)), caseId, "05958004"));
        for (int i = 0; i < 99; i++) {
            batch.add(new NewEvent(new UnemploymentStarted(UUID.randomUUID(), LocalDate.of(2026, 1, 6), null), caseId, "05958004"));
        }
        List<StoredEvent> stored = QuarkusTransaction.requiringNew().call(() -> store.append(stream, 0, batch, META));
        assertThat(stored).hasSize(100);
        assertThat(stored).extracting(e -> e.envelope().streamversion())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(stored).extracting(StoredEvent::globalPosition).isSorted().doesNotHaveDuplicates();
    }
}
