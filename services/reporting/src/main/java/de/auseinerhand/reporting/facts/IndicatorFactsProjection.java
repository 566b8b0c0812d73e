package de.auseinerhand.reporting.facts;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.benefits.PersonEntitlement;
import de.auseinerhand.events.benefits.PostedPersonAmount;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.UnemploymentStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes the facts behind the official indicators, each with its business dates and its recording
 * time (bitemporal), in the consumer's transaction. Nothing is updated in place: a correction is a
 * new row, so every earlier state of knowledge can be reproduced.
 */
@ApplicationScoped
public class IndicatorFactsProjection {

    @Inject
    DataSource dataSource;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    private static final Object DERIVE = new Object();

    private io.micrometer.core.instrument.Timer derivation;

    @Inject
    void metrics(io.micrometer.core.instrument.MeterRegistry registry) {
        derivation = io.micrometer.core.instrument.Timer.builder("aeh_reporting_figures_derivation")
                .description("time the live consumer's transaction spends deriving the stored figures before it commits")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!relevant(envelope)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            deriveBeforeCommit(c);
            write(SqlSink.direct(c), envelope);
        } catch (SQLException e) {
            throw new IllegalStateException("storing indicator facts of " + envelope.subject() + " failed", e);
        }
    }

    /**
     * The stored figures follow the facts in the same transaction, once per transaction (a polled batch): what a query
     * reads is never behind the facts it was derived from.
     */
    private void deriveBeforeCommit(Connection first) throws SQLException {
        if (transactions.getResource(DERIVE) != null) {
            return;
        }
        // the version first, before any view is touched: a rebuild's switch locks projection_version and then replaces
        // the views, so a transaction that held a view and then asked for the version would deadlock with it
        int version = de.auseinerhand.reporting.indicators.StoredFigures.lockActiveVersion(first);
        transactions.putResource(DERIVE, version);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
                if (transactions.getTransactionStatus() != jakarta.transaction.Status.STATUS_ACTIVE) {
                    return;
                }
                long started = System.nanoTime();
                try (Connection c = dataSource.getConnection()) {
                    de.auseinerhand.reporting.indicators.StoredFigures.derive(c, version);
                    derivation.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (SQLException e) {
                    throw new IllegalStateException("deriving the stored figures failed", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    public static boolean relevant(EventEnvelope envelope) {
        String type = envelope.type();
        return type.startsWith("de.auseinerhand.registry.") || type.startsWith("de.auseinerhand.benefits.")
                || type.startsWith("de.auseinerhand.placement.");
    }

    /**
     * Writes the facts of one event with unqualified table names: the live projection writes through
     * the views of the active version, a rebuild into its own schema (its connection's search_path).
     * Idempotent: every row is keyed by the event.
     */
    public static void write(SqlSink c, EventEnvelope envelope) throws SQLException {
        if (!relevant(envelope)) {
            return;
        }
        write(c, envelope, EventCodec.instance().decode(envelope));
    }

    /** Like {@link #write(SqlSink, EventEnvelope)} with the event's data already decoded (a rebuild decodes on another thread). */
    public static void write(SqlSink c, EventEnvelope envelope, EventData data) throws SQLException {
        if (!relevant(envelope)) {
            return;
        }
        UUID id = envelope.id();
        String caseId = envelope.subject();
        // the codec refuses envelopes without a time: the recorded instant is the event's own, so a
        // rebuild writes the same facts as the live projection
        Instant at = envelope.time();
        LocalDate knownOn = de.auseinerhand.reporting.indicators.FactRows.knownOn(at);
        {
            if (data instanceof CaseOpened e) {
                exec(c, "insert into rp_residence values (?,?,?,?,?) on conflict do nothing", id, caseId, e.openedOn(), e.municipality(), at);
                mark(c, "C", caseId, null, knownOn);
            } else if (data instanceof CaseClosed e) {
                exec(c, "insert into rp_case_closure values (?,?,?,?) on conflict do nothing", id, caseId, e.effectiveFrom(), at);
            } else if (data instanceof CaseMoved e) {
                exec(c, "insert into rp_residence values (?,?,?,?,?) on conflict do nothing", id, caseId, e.effectiveFrom(), e.toMunicipality(), at);
                mark(c, "C", caseId, null, knownOn);
            } else if (data instanceof EmployabilityChanged e) {
                exec(c, "insert into rp_employability values (?,?,?,?,?) on conflict do nothing", id, e.personId(), e.employable(),
                        e.effectiveFrom(), at);
                mark(c, "P", null, e.personId(), knownOn);
            } else if (data instanceof PersonRegistered e) {
                mark(c, "P", null, e.personId(), knownOn);
                exec(c, "insert into rp_person values (?,?,?,?,?,?,?,?) on conflict do nothing", e.personId(), e.sex().name(),
                        e.birthYearMonth().toString(), e.employable(), e.singleParent(), at, id, e.effectiveFrom());
                exec(c, "insert into rp_membership values (?,?,?,'JOIN',?,?) on conflict do nothing", id, e.personId(), caseId,
                        e.effectiveFrom(), at);
            } else if (data instanceof PersonJoinedCase e) {
                exec(c, "insert into rp_membership values (?,?,?,'JOIN',?,?) on conflict do nothing", id, e.personId(), caseId,
                        e.effectiveFrom(), at);
            } else if (data instanceof PersonLeftCase e) {
                exec(c, "insert into rp_membership values (?,?,?,'LEAVE',?,?) on conflict do nothing", id, e.personId(), caseId,
                        e.effectiveFrom(), at);
            } else if (data instanceof UnemploymentStarted e) {
                exec(c, "insert into rp_unemployment values (?,?,'START',?,?) on conflict do nothing", id, e.personId(), e.date(), at);
            } else if (data instanceof UnemploymentEnded e) {
                exec(c, "insert into rp_unemployment values (?,?,'END',?,?) on conflict do nothing", id, e.personId(), e.date(), at);
            } else if (data instanceof CaseworkerAssigned e) {
                exec(c, "insert into rp_caseworker (event_id, case_id, caseworker_id, function, recorded_at, effective_from)"
                        + " values (?,?,?,?,?,?) on conflict do nothing", id, caseId, e.caseworkerId(), e.function().name(), at, e.effectiveFrom());
            } else if (data instanceof EntitlementDecided e) {
                exec(c, "insert into rp_decision values (?,?,?,?,?,?) on conflict do nothing", e.decisionId(), caseId, e.period().from(),
                        e.period().to(), e.replacesDecisionId(), at);
                mark(c, "D", null, e.decisionId(), knownOn);
                if (e.replacesDecisionId() != null) {
                    mark(c, "D", null, e.replacesDecisionId(), knownOn);
                }
                amounts(c, id, e.decisionId(), caseId, e.period().from().toString().substring(0, 7), e.perPerson(), at);
            } else if (data instanceof EntitlementAmended e) {
                amounts(c, id, e.decisionId(), caseId, e.effectiveFrom().toString().substring(0, 7), e.perPerson(), at);
                mark(c, "D", null, e.decisionId(), knownOn);
            } else if (data instanceof EntitlementTerminated e) {
                exec(c, "insert into rp_termination values (?,?,?,?) on conflict do nothing", id, e.decisionId(), e.effectiveFrom(), at);
                mark(c, "D", null, e.decisionId(), knownOn);
            } else if (data instanceof MonthlyEntitlementPosted e) {
                for (PostedPersonAmount p : e.perPerson()) {
                    exec(c, "insert into rp_posting values (?,?,?,?,?,?,?,?,?) on conflict do nothing", id, caseId, e.month().toString(),
                            p.personId(), p.llu(), p.kdu(), p.reduction(), p.payable(), at);
                }
            } else if (data instanceof MeasureStarted e) {
                exec(c, "insert into rp_measure values (?,?,?,?,?,'START',?,?) on conflict do nothing", id, e.measureId(), e.personId(),
                        e.legalBasis(), e.category().name(), e.start(), at);
                mark(c, "P", null, e.personId(), knownOn);
            } else if (data instanceof MeasureEnded e) {
                exec(c, "insert into rp_measure values (?,?,?,?,?,'END',?,?) on conflict do nothing", id, e.measureId(), e.personId(),
                        e.legalBasis(), e.category().name(), e.end(), at);
                mark(c, "P", null, e.personId(), knownOn);
            } else if (data instanceof IntegrationRecorded e) {
                exec(c, "insert into rp_integration values (?,?,?,?,?,?) on conflict do nothing", id, e.personId(), e.kind().name(),
                        e.startDate(), e.subsidy() != null && !e.subsidy().isBlank(), at);
                mark(c, "P", null, e.personId(), knownOn);
            } else if (data instanceof EmploymentEnded e) {
                exec(c, "insert into rp_employment_end values (?,?,?,?) on conflict do nothing", id, e.personId(), e.endDate(), at);
                mark(c, "P", null, e.personId(), knownOn);
            }
        }
    }

    /** What a fact touches, for the stored figures (indicators.StoredFigures): a case, a person or a decision, from the day it is known. */
    private static void mark(SqlSink c, String kind, String caseId, UUID id, LocalDate knownOn) throws SQLException {
        exec(c, "insert into rp_dirty (kind, case_id, id, known_on) values (?,?,?,?) on conflict do nothing", kind, caseId == null ? "" : caseId,
                id == null ? NO_ID : id, knownOn);
    }

    private static final UUID NO_ID = new UUID(0, 0);

    private static void amounts(SqlSink c, UUID eventId, UUID decisionId, String caseId, String month, List<PersonEntitlement> people,
            Instant at) throws SQLException {
        for (PersonEntitlement p : people) {
            exec(c, "insert into rp_amount values (?,?,?,?,?,?,?,?) on conflict do nothing", eventId, decisionId, caseId, month, p.personId(),
                    p.llu(), p.kdu(), at);
        }
    }

    private static void exec(SqlSink c, String sql, Object... values) throws SQLException {
        c.exec(sql, values);
    }

    /** Where the rows go: straight into the live tables, or batched into a rebuild's schema. */
    public interface SqlSink {
        void exec(String sql, Object... values) throws SQLException;

        static SqlSink direct(Connection c) {
            return (sql, values) -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, values);
                    ps.executeUpdate();
                }
            };
        }
    }

    /**
     * Batches rows per statement; {@link #flush()} sends every batch (the rebuild flushes once per poll).
     * On a connection with {@code reWriteBatchedInserts} a batch becomes multi-row inserts; that is the
     * same as row by row only for inserts that do nothing on conflict, so an upsert is refused here.
     */
    public static final class BatchSink implements SqlSink, AutoCloseable {
        private final Connection c;
        private final java.util.Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>();

        public BatchSink(Connection c) {
            this.c = c;
        }

        @Override
        public void exec(String sql, Object... values) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                if (sql.contains(" do update ")) {
                    throw new IllegalArgumentException("a batched multi-row insert cannot upsert: " + sql);
                }
                ps = c.prepareStatement(sql);
                statements.put(sql, ps);
            }
            bind(ps, values);
            ps.addBatch();
        }

        public void flush() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (v instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }
}
