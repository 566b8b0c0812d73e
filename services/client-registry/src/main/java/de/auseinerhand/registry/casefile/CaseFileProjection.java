package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * Keeps the other services' events of a case for its file: benefit-calculation's and job-placement's, as published. The
 * registry's own events come back on the topic too and are not stored again (its event store has them), but they too
 * recompute the case's work items. Offers go to the open offers (OfferProjection); employers are skipped.
 */
@ApplicationScoped
public class CaseFileProjection {
    static final String CASE_ID = "BG-[0-9]{8}-[0-9]{6}";

    @Inject
    DataSource dataSource;

    @Inject
    WorkItems workItems;

    @Inject
    OfferProjection offers;

    /** Events that never change what is due on a case (postings, notices): no recomputation for them. */
    static final java.util.Set<String> NO_WORK = java.util.Set.of("de.auseinerhand.benefits.monthly-entitlement-posted.v1",
            "de.auseinerhand.benefits.notice-issued.v1");

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope e) {
        String type = e.type();
        if (OfferProjection.concerns(e)) {
            offers.apply(e);
            return;
        }
        if (e.subject() == null || !e.subject().matches(CASE_ID)) {
            return;
        }
        if (!type.startsWith("de.auseinerhand.registry.")) {
            store(e, type);
        }
        // the worklist follows every event of the case, the registry's own included (they come back through the log)
        if (!NO_WORK.contains(type)) {
            workItems.recomputeBeforeCommit(e.subject());
        }
    }

    private void store(EventEnvelope e, String type) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into case_file_event (event_id, case_id, type, recorded_at, envelope) values (?, ?, ?, ?, ?::jsonb) "
                        + "on conflict (event_id) do nothing")) {
            ps.setObject(1, e.id());
            ps.setString(2, e.subject());
            ps.setString(3, type);
            ps.setTimestamp(4, Timestamp.from(e.time()));
            ps.setString(5, EventCodec.instance().toJson(e));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("storing event " + e.id() + " for the case file failed", ex);
        }
    }
}
