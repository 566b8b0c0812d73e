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
 * registry's own events come back on the topic too and are skipped (its event store has them). Events that belong to
 * no case (employers, offers) are skipped.
 */
@ApplicationScoped
public class CaseFileProjection {
    static final String CASE_ID = "BG-[0-9]{8}-[0-9]{6}";

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope e) {
        String type = e.type();
        if (type.startsWith("de.auseinerhand.registry.") || e.subject() == null || !e.subject().matches(CASE_ID)) {
            return;
        }
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
