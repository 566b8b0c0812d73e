package de.auseinerhand.placement.projection;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.registryview.CaseEventProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The placement case worker of each case (registry's caseworker-assigned), for the due list of plan reviews. */
@ApplicationScoped
public class PlacementCaseworkerProjection implements CaseEventProjection {

    static final String TYPE = "de.auseinerhand.registry.caseworker-assigned.";

    @Inject
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!envelope.type().startsWith(TYPE)) {
            return;
        }
        EventData data = EventCodec.instance().decode(envelope);
        if (!(data instanceof CaseworkerAssigned e) || e.function() != CaseworkerFunction.PLACEMENT) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into jp_case_caseworker (case_id, caseworker_id, effective_from) values (?,?,?) "
                        + "on conflict (case_id) do update set caseworker_id = excluded.caseworker_id, "
                        + "effective_from = excluded.effective_from where jp_case_caseworker.effective_from <= excluded.effective_from")) {
            ps.setString(1, envelope.subject());
            ps.setString(2, e.caseworkerId());
            ps.setObject(3, e.effectiveFrom());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("writing jp_case_caseworker failed", ex);
        }
    }
}
