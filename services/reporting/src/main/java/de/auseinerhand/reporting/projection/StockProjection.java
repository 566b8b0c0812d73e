package de.auseinerhand.reporting.projection;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps {@code stock_case}, {@code stock_case_residence} and {@code stock_person} from the registry's
 * events, in the consumer's transaction. Business dates come from the events, so the stock of any
 * month is a query, not a counter.
 */
@ApplicationScoped
public class StockProjection {

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!envelope.type().startsWith("de.auseinerhand.registry.")) {
            return;
        }
        EventData data = EventCodec.instance().decode(envelope);
        try (Connection c = dataSource.getConnection()) {
            if (data instanceof CaseOpened e) {
                update(c, "insert into stock_case (case_id, opened_on) values (?, ?) on conflict (case_id) do update set opened_on = excluded.opened_on",
                        e.caseId(), Date.valueOf(e.openedOn()));
                update(c, "insert into stock_case_residence (case_id, effective_from, municipality) values (?, ?, ?) "
                        + "on conflict (case_id, effective_from) do update set municipality = excluded.municipality",
                        e.caseId(), Date.valueOf(e.openedOn()), e.municipality());
            } else if (data instanceof CaseMoved e) {
                update(c, "insert into stock_case_residence (case_id, effective_from, municipality) values (?, ?, ?) "
                        + "on conflict (case_id, effective_from) do update set municipality = excluded.municipality",
                        envelope.subject(), Date.valueOf(e.effectiveFrom()), e.toMunicipality());
            } else if (data instanceof CaseClosed e) {
                update(c, "update stock_case set closed_on = ? where case_id = ?", Date.valueOf(e.effectiveFrom()),
                        envelope.subject());
            } else if (data instanceof PersonRegistered e) {
                update(c, "insert into stock_person (person_id, case_id, sex, employable, joined_on) values (?, ?, ?, ?, ?) "
                        + "on conflict (person_id) do update set case_id = excluded.case_id, joined_on = excluded.joined_on, left_on = null",
                        e.personId(), envelope.subject(), e.sex().name(), e.employable(), Date.valueOf(e.effectiveFrom()));
            } else if (data instanceof PersonLeftCase e) {
                update(c, "update stock_person set left_on = ? where person_id = ?", Date.valueOf(e.effectiveFrom()),
                        e.personId());
            } else if (data instanceof PersonJoinedCase e) {
                update(c, "update stock_person set case_id = ?, joined_on = ?, left_on = null where person_id = ?",
                        envelope.subject(), Date.valueOf(e.effectiveFrom()), e.personId());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stock projection failed for " + envelope.id(), e);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            int rows = ps.executeUpdate();
            if (rows == 0 && sql.startsWith("update")) {
                throw new IllegalStateException("event refers to a case or person reporting never saw");
            }
        }
    }
}
