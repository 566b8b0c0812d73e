package de.auseinerhand.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.eventstore.TransientFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Found by the fault ledger (tools/chaos, F6): a PostgreSQL restart broke a connection during a consumer's commit; the
 * RollbackException was taken for a poison record, the record went to the dead-letter topic, and REST answered 500.
 * Such failures are transient: consumers retry (the inbox makes it idempotent), REST answers 503 with Retry-After.
 */
class TransientFailureTest {

    @Test
    void aBrokenConnectionOrAnUnreportedCommitIsTransient() {
        assertThat(TransientFailure.isTransient(new IllegalStateException("ARJUNA016053",
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.")))).isTrue();
        assertThat(TransientFailure.isTransient(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(TransientFailure.isTransient(new IllegalStateException(new java.net.SocketException("Broken pipe")))).isTrue();
    }

    @Test
    void aLockHeldElsewhereOrADatabaseRefusingWritesIsTransient() {
        // F12: lock_timeout ran out; F23: read-only switch, disk full; a statement cancelled by its timeout
        assertThat(TransientFailure.isTransient(new SQLException("canceling statement due to lock timeout", "55P03"))).isTrue();
        assertThat(TransientFailure.isTransient(new RuntimeException(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006")))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("could not extend file: No space left on device", "53100"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
    }

    @Test
    void aFaultOfTheRecordOrTheRequestIsNot() {
        assertThat(TransientFailure.isTransient(new IllegalArgumentException("no such type"))).isFalse();
        assertThat(TransientFailure.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailure.isTransient(new SQLException("value too long", "22001"))).isFalse();
    }
}
