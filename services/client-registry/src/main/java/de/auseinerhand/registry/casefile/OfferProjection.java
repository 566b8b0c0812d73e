package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.matching.OpenOfferIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The district's open job offers as job-placement published them ({@code open_offer}), for the best offers per employable
 * member in the case file (issue 16 §4). Offer streams are partitioned by offer, so an offer's closing never overtakes its
 * publication; a replayed event is kept out by the consumer's inbox.
 */
@ApplicationScoped
public class OfferProjection {
    static final String TYPE_PREFIX = "de.auseinerhand.placement.job-offer-";

    @Inject
    DataSource dataSource;

    /** Whether the event is one of an offer's (then {@link #apply} takes it). */
    static boolean concerns(EventEnvelope e) {
        return e.type().startsWith(TYPE_PREFIX);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope e) {
        EventData data = EventCodec.instance().decode(e);
        try (Connection c = dataSource.getConnection()) {
            if (data instanceof JobOfferPublished x) {
                try (PreparedStatement ps = c.prepareStatement("insert into open_offer (offer_id, occupation_code, title, municipality, "
                        + "hours_per_week, start_date, requirements, languages, driving_licence_required, open, changed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, now()) on conflict (offer_id) do update set "
                        + "occupation_code = excluded.occupation_code, title = excluded.title, municipality = excluded.municipality, "
                        + "hours_per_week = excluded.hours_per_week, start_date = excluded.start_date, "
                        + "requirements = excluded.requirements, languages = excluded.languages, "
                        + "driving_licence_required = excluded.driving_licence_required, open = true, changed_at = now()")) {
                    ps.setObject(1, x.offerId());
                    ps.setString(2, x.occupationCode());
                    ps.setString(3, x.title());
                    ps.setString(4, x.municipality());
                    ps.setBigDecimal(5, x.hoursPerWeek());
                    ps.setObject(6, x.startDate());
                    ps.setArray(7, c.createArrayOf("text", OpenOfferIndex.lower(x.requirements()).toArray()));
                    ps.setArray(8, c.createArrayOf("text", OpenOfferIndex.lower(x.languages() == null ? List.of() : x.languages()).toArray()));
                    ps.setBoolean(9, Boolean.TRUE.equals(x.drivingLicenceRequired()));
                    ps.executeUpdate();
                }
            } else if (data instanceof JobOfferClosed x) {
                try (PreparedStatement ps = c.prepareStatement("update open_offer set open = false, changed_at = now() where offer_id = ?")) {
                    ps.setObject(1, x.offerId());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("keeping offer event " + e.id() + " failed", ex);
        }
    }
}
