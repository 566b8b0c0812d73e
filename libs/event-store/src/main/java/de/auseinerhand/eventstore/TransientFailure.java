package de.auseinerhand.eventstore;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Whether a failure comes from the database being briefly unavailable (a restart, a fail-over, a dropped connection, a
 * commit whose outcome the connection did not report, a serialisation conflict) rather than from the request or the
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
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
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
}
