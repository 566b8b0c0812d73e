package de.auseinerhand.eventstore;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Whether a failure comes from the database being briefly unavailable (a restart, a fail-over, a dropped connection, a
 * commit whose outcome the connection did not report, a serialisation conflict, a lock held elsewhere, a database that
 * refuses writes for a while) rather than from the request or the
 * record itself. Consumers retry such a record instead of dead-lettering it (the inbox makes the retry idempotent);
 * REST answers 503 with Retry-After instead of 500 (a retry with the same If-Match or Idempotency-Key cannot apply a
 * change twice).
 */
public final class TransientFailure {

    private TransientFailure() {
    }

    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof java.net.ConnectException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && transientState(sql.getSQLState())) {
                return true;
            }
            // the transaction manager could not commit (the connection broke during the commit): whether it committed is
            // unknown to the caller, and only a retry that is idempotent may follow
            if (t instanceof jakarta.transaction.RollbackException || t instanceof jakarta.transaction.HeuristicMixedException
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLStates of a database that cannot do the work now but will again: connection exceptions (08), operator
     * intervention such as a restart (57P), serialisation failure and deadlock (40001, 40P01), a lock not granted within
     * {@code lock_timeout} (55P03, a table held by someone else: fault F12), a statement cancelled by its timeout (57014),
     * a database switched to read-only (25006, fault F23) and insufficient resources such as a full disk or too many
     * connections (class 53).
     */
    static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.equals("40001")
                || state.equals("40P01") || state.equals("55P03") || state.equals("57014") || state.equals("25006");
    }
}
