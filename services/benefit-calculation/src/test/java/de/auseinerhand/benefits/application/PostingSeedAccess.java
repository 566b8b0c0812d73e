package de.auseinerhand.benefits.application;

import de.auseinerhand.eventstore.EventStore;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;

/** Opens {@link PostingSeed} to the benchmark package. */
public final class PostingSeedAccess {
    private PostingSeedAccess() {
    }

    public static List<String> seed(EventStore store, DataSource ds, String prefix, int count, YearMonth from) {
        return PostingSeed.seed(store, ds, prefix, count, from);
    }
}
