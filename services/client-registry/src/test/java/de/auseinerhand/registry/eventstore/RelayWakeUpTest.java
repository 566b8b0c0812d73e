package de.auseinerhand.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.eventstore.EventMetadata;
import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.eventstore.NewEvent;
import de.auseinerhand.eventstore.outbox.OutboxRelay;
import de.auseinerhand.eventstore.outbox.OutboxSignal;
import de.auseinerhand.testsupport.Eventually;
import de.auseinerhand.testsupport.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How the relay learns of new rows without a {@code NOTIFY} inside the append's transaction: a replica
 * whose relay is not the active one notifies the active relay (in another replica) after its commit.
 */
@QuarkusTest
class RelayWakeUpTest {

    private static final EventMetadata META = EventMetadata.system("relay-wake-up-test");

    @Inject
    EventStore store;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void aReplicaWithoutTheActiveRelayNotifiesTheActiveOneAfterItsCommit() throws Exception {
        relay.stop();
        try (Connection listener = DriverManager.getConnection(jdbcUrl, user, password.orElse(""))) {
            try (Statement st = listener.createStatement()) {
                st.execute("listen " + OutboxSignal.CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            pg.getNotifications();

            String committed = "BG-05958004-" + UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> append(committed));
            List<PGNotification> received = new ArrayList<>();
            Eventually.assertWithin(Duration.ofSeconds(5), () -> {
                PGNotification[] notes = pg.getNotifications(100);
                if (notes != null) {
                    received.addAll(List.of(notes));
                }
                assertThat(received).isNotEmpty();
            });
            assertThat(received).allSatisfy(n -> assertThat(n.getName()).isEqualTo(OutboxSignal.CHANNEL));
        } finally {
            relay.start();
        }
        Eventually.assertSoon(() -> assertThat(relay.isLeader()).isTrue());
    }

    private void append(String caseId) {
        store.append("case-" + caseId, 0,
                List.of(new NewEvent(new CaseOpened(caseId, "05958004", TestClock.today()), caseId, "05958004")), META);
    }
}
