package de.auseinerhand.servicekit.audit;

import de.auseinerhand.servicekit.rest.RequestMetadata;
import de.auseinerhand.servicekit.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records every read and write of a person's data: who (pseudonymous actor and roles), when, which
 * case and person, why (the request's {@code X-Purpose}), in {@code audit_record}, which the database
 * keeps append-only. Written in the caller's transaction: a write and its audit record commit together; reads outside a
 * transaction share group commits and answer only once their record is committed.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    RequestMetadata request;

    @Inject
    AuditGroupCommit groupCommit;

    @Inject
    TransactionManager transactions;

    /** Off: every read outside a transaction commits its own record (as before the group commit; for comparisons). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "aeh.audit.group-commit.enabled", defaultValue = "true")
    boolean groupCommitEnabled;

    public record AuditRecord(long id, Instant recordedAt, String actor, String via, String roles, String action, String caseId,
            UUID personId, String purpose, UUID correlationId) {
    }

    /**
     * Records one action. Inside a transaction (a write, or a read that runs in one) the record is part of it and commits
     * with it; a read outside any transaction waits for the next group commit of audit records ({@link AuditGroupCommit}).
     */
    public void record(String action, String caseId, UUID personId) {
        AuditGroupCommit.Row row = row(action, caseId, personId, request.purpose());
        if (groupCommitEnabled && !inTransaction()) {
            groupCommit.write(List.of(row));
            return;
        }
        insert(List.of(row));
    }

    /**
     * Records an action of a named system actor (e.g. {@code migration:<run id>} for a migration import), in the caller's
     * transaction: the data the actor wrote and its audit record commit together.
     */
    public void recordAs(String actor, String action, String caseId, UUID personId) {
        insert(List.of(rowAs(actor, action, caseId, personId)));
    }

    /** {@link #recordAs} for many subjects in one statement, in the caller's transaction. */
    public void recordAllAs(String actor, String action, List<Subject> subjects) {
        insert(subjects.stream().map(x -> rowAs(actor, action, x.caseId(), x.personId())).toList());
    }

    /** A system actor's record: the caller who set it going (e.g. the admin who started an import) as {@code via}. */
    private AuditGroupCommit.Row rowAs(String actor, String action, String caseId, UUID personId) {
        return new AuditGroupCommit.Row(actor, String.join(",", caller.roles()), action, caseId, personId, null, request.correlationId(),
                caller.actorId());
    }

    /** In the caller's transaction (or committing on its own when there is none). */
    private void insert(List<AuditGroupCommit.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            AuditGroupCommit.insert(c, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("writing the audit trail failed", e);
        }
    }

    private AuditGroupCommit.Row row(String action, String caseId, UUID personId, String purpose) {
        return new AuditGroupCommit.Row(caller.actorId(), String.join(",", caller.roles()), action, caseId, personId,
                purpose == null ? null : purpose.substring(0, Math.min(200, purpose.length())), request.correlationId(), caller.via());
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }

    /**
     * A refused attempt on a case outside the caller's municipalities (answered 404 like a case that does not exist):
     * recorded with the pseudonymous actor, the case and the time, in a transaction of its own (the request's own one
     * rolls back with the refusal), so that a data-protection officer can see probing. Action {@code denied}.
     */
    public void recordDenied(String caseId) {
        try {
            String id = caseId == null || caseId.length() > 40 ? (caseId == null ? null : caseId.substring(0, 40)) : caseId;
            if (groupCommitEnabled) {
                // the group commit writes on a connection of its own, outside the request's transaction
                groupCommit.write(List.of(row("denied", id, null, request.purpose())));
            } else {
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> record("denied", id, null));
            }
        } catch (RuntimeException e) {
            // the refusal itself stands; a lost trace of it is logged, not turned into a 500
            org.jboss.logging.Logger.getLogger(AuditTrail.class).warnf("recording a denied access to %s failed: %s", caseId, e.getMessage());
        }
    }

    /** One reached record of personal data, for {@link #recordAll}. */
    public record Subject(String caseId, UUID personId) {
    }

    /** Records one action on many subjects (e.g. every hit of a search) in one statement. */
    public void recordAll(String action, List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        String purpose = request.purpose();
        List<AuditGroupCommit.Row> rows = subjects.stream().map(x -> row(action, x.caseId(), x.personId(), purpose)).toList();
        if (groupCommitEnabled && !inTransaction()) {
            groupCommit.write(rows);
            return;
        }
        insert(rows);
    }

    /** Audit records by case or by actor, newest first, after the cursor id. */
    public List<AuditRecord> find(String caseId, String actor, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select id, recorded_at, actor, roles, action, case_id, person_id, purpose, "
                + "correlation_id, via from audit_record where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            sql.append(" and case_id = ?");
            args.add(caseId);
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            args.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(2);
                    out.add(new AuditRecord(rs.getLong(1), t.toInstant(), rs.getString(3), rs.getString(10), rs.getString(4),
                            rs.getString(5), rs.getString(6), (UUID) rs.getObject(7), rs.getString(8),
                            (UUID) rs.getObject(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail failed", e);
        }
    }
}
