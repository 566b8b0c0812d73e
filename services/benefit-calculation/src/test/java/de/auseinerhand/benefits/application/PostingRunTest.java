package de.auseinerhand.benefits.application;

import static org.assertj.core.api.Assertions.assertThat;

import de.auseinerhand.eventstore.EventStore;
import de.auseinerhand.testsupport.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The posting run survives a failure in the middle: PostgreSQL itself refuses the 51st posting
 * (a trigger), the run stops; started again, it posts exactly the missing cases and none twice.
 */
@QuarkusTest
class PostingRunTest {
    static final YearMonth MONTH = YearMonth.of(2031, 3);

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Inject
    PostingRuns runs;

    @Test
    void aRunKilledHalfWayResumesAndPostsEveryCaseExactlyOnce() throws SQLException {
        List<String> cases = PostingSeed.seed(store, dataSource, "7", 120, MONTH.minusMonths(2));
        sql("create or replace function aeh_test_fail_posting() returns trigger language plpgsql as $$ begin "
                + "if (select count(*) from monthly_posting where month = '" + MONTH + "') >= 50 then raise exception 'injected failure'; end if; "
                + "return new; end $$");
        sql("create trigger aeh_test_fail_posting before insert on monthly_posting for each row execute function aeh_test_fail_posting()");
        try {
            assertThat(runs.start(MONTH, "user:test")).isTrue();
            Eventually.assertSoon(() -> assertThat(runs.status(MONTH).status()).isEqualTo("FAILED"));
            assertThat(count("select count(*) from monthly_posting where month = '" + MONTH + "'")).isEqualTo(50);
        } finally {
            sql("drop trigger aeh_test_fail_posting on monthly_posting");
        }
        assertThat(runs.start(MONTH, "user:test")).isTrue();
        Eventually.assertSoon(() -> assertThat(runs.status(MONTH).status()).isEqualTo("DONE"));
        assertThat(count("select count(*) from monthly_posting where month = '" + MONTH + "' and case_id like 'BG-05958032-7%'"))
                .isEqualTo(cases.size());
        assertThat(count("select count(*) from es_event where stream_id like 'benefits-BG-05958032-7%'"
                + " and event_type = 'de.auseinerhand.benefits.monthly-entitlement-posted.v1'")).as("one posting event per case").isEqualTo(cases.size());
        assertThat(runs.status(MONTH).posted()).isEqualTo(cases.size());

        // a third start finds nothing left to post
        assertThat(runs.start(MONTH, "user:test")).isTrue();
        Eventually.assertSoon(() -> assertThat(runs.status(MONTH).status()).isEqualTo("DONE"));
        assertThat(count("select count(*) from es_event where stream_id like 'benefits-BG-05958032-7%'"
                + " and event_type = 'de.auseinerhand.benefits.monthly-entitlement-posted.v1'")).isEqualTo(cases.size());
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Fault injection needs the administrator: the service's own login may not create triggers (issue 15 §4). */
    void sql(String sql) throws SQLException {
        try (Connection c = de.auseinerhand.testsupport.TestDatabase.administrator(dataSource); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
