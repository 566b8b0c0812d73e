package de.auseinerhand.servicekit.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit of the audit records of reads (issue 14 §3): a read that runs outside a transaction hands its records to
 * one committer thread and waits until they are committed; the committer writes whatever is waiting in one statement and
 * one transaction, so that many concurrent reads share one commit (one WAL flush) instead of paying one each. No record is
 * lost: a read answers only after its record is durable, and fails (as before) when it cannot be written. An idle service
 * adds no delay: the committer starts the next commit as soon as the previous one is done and anything waits.
 */
@ApplicationScoped
public class AuditGroupCommit {
    private static final Logger LOG = Logger.getLogger(AuditGroupCommit.class);
    static final String INSERT = "insert into audit_record (actor, roles, action, case_id, person_id, purpose, correlation_id, via) "
            + "select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[])";

    /** One audit record as the request saw it. */
    public record Row(String actor, String roles, String action, String caseId, UUID personId, String purpose, UUID correlationId,
            String via) {
    }

    private record Pending(List<Row> rows, CompletableFuture<Void> committed) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "aeh.audit.group-commit.max-rows", defaultValue = "2000")
    int maxRows;

    @ConfigProperty(name = "aeh.audit.group-commit.timeout-ms", defaultValue = "10000")
    long timeoutMs;

    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(50_000);
    private volatile Thread committer;
    private volatile boolean stopped;
    private DistributionSummary groupSize;

    /** Writes the rows in the next group commit and returns once they are committed. */
    public void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ensureStarted();
        Pending p = new Pending(rows, new CompletableFuture<>());
        if (stopped || !waiting.offer(p)) {
            throw new IllegalStateException("writing the audit trail failed: the group commit is " + (stopped ? "stopped" : "full"));
        }
        try {
            p.committed().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("writing the audit trail was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the audit trail failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("writing the audit trail took longer than " + timeoutMs + " ms", e);
        }
    }

    private void ensureStarted() {
        if (committer == null) {
            synchronized (this) {
                if (committer == null && !stopped) {
                    groupSize = DistributionSummary.builder("aeh.audit.group.commit.size")
                            .description("audit records per group commit of reads").register(metrics);
                    Thread t = new Thread(this::run, "audit-group-commit");
                    t.setDaemon(true);
                    t.start();
                    committer = t;
                }
            }
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (!stopped) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                int rows = first.rows().size();
                Pending next;
                while (rows < maxRows && (next = waiting.poll()) != null) {
                    group.add(next);
                    rows += next.rows().size();
                }
                commit(group, rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // stopping: what waits is committed once more (or fails), so that no read hangs
        group.clear();
        int rows = 0;
        Pending rest;
        while ((rest = waiting.poll()) != null) {
            group.add(rest);
            rows += rest.rows().size();
        }
        if (!group.isEmpty()) {
            commit(group, rows);
        }
    }

    private void commit(List<Pending> group, int rows) {
        List<Row> all = new ArrayList<>(rows);
        group.forEach(p -> all.addAll(p.rows()));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            insert(c, all);
            groupSize.record(rows);
            group.forEach(p -> p.committed().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("a group commit of %d audit records failed: %s", rows, e.getMessage());
            group.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    /** The rows in one statement, on the given connection (in whatever transaction it is). */
    static void insert(Connection c, List<Row> rows) throws SQLException {
        int n = rows.size();
        String[] actor = new String[n], roles = new String[n], action = new String[n], caseId = new String[n];
        String[] purpose = new String[n], via = new String[n];
        UUID[] person = new UUID[n], correlation = new UUID[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            actor[i] = r.actor();
            roles[i] = r.roles();
            action[i] = r.action();
            caseId[i] = r.caseId();
            person[i] = r.personId();
            purpose[i] = r.purpose();
            correlation[i] = r.correlationId();
            via[i] = r.via();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("text", actor));
            ps.setArray(2, c.createArrayOf("text", roles));
            ps.setArray(3, c.createArrayOf("text", action));
            ps.setArray(4, c.createArrayOf("text", caseId));
            ps.setArray(5, c.createArrayOf("uuid", person));
            ps.setArray(6, c.createArrayOf("text", purpose));
            ps.setArray(7, c.createArrayOf("uuid", correlation));
            ps.setArray(8, c.createArrayOf("text", via));
            ps.executeUpdate();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Thread t = committer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
