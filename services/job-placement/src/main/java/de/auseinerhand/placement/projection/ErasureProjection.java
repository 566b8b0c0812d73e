package de.auseinerhand.placement.projection;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.registryview.CaseEventProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * When the registry erases a person ({@code person-data-erased}), their rows leave job-placement's
 * query tables: the profile is no longer matched, the plan no longer listed for review.
 */
@ApplicationScoped
public class ErasureProjection implements CaseEventProjection {

    @Inject
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!envelope.type().startsWith("de.auseinerhand.registry.person-data-erased.")) {
            return;
        }
        PersonDataErased e = EventCodec.instance().decode(envelope, PersonDataErased.class);
        try (Connection c = dataSource.getConnection()) {
            for (String table : new String[] {"jp_profile", "jp_plan"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where person_id = ?")) {
                    ps.setObject(1, e.personId());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("erasing placement rows failed", ex);
        }
    }
}
