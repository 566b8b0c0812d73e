package de.auseinerhand.placement.application;

import de.auseinerhand.eventstore.CommandRejected;
import de.auseinerhand.eventstore.Loaded;
import de.auseinerhand.matching.Match;
import de.auseinerhand.matching.MatchOffer;
import de.auseinerhand.matching.MatchProfile;
import de.auseinerhand.matching.MatchScorer;
import de.auseinerhand.matching.Ranking;
import de.auseinerhand.placement.domain.offer.OfferState;
import de.auseinerhand.placement.infrastructure.QueryTables;
import de.auseinerhand.placement.infrastructure.ReferenceData;
import de.auseinerhand.registryview.KnownCase;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Matching in both directions: offers for a client, clients for an offer; filtered, ranked, paged, explained. */
@ApplicationScoped
public class Matching {

    public static final int MAX_LIMIT = 100;

    @Inject
    DataSource dataSource;

    @Inject
    OpenOffers openOffers;

    @Inject
    ReferenceData reference;

    @Inject
    PlacementService placement;

    @Inject
    OfferService offers;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    private MatchScorer scorer;

    @PostConstruct
    void init() {
        scorer = new MatchScorer(reference.places());
    }

    /** Which candidates count. {@code occupationPrefix} and {@code municipality} are optional. */
    public record Filter(int minScore, boolean includeOutsideRadius, String occupationPrefix, String municipality) {
    }

    public record OfferHit(MatchOffer offer, Match match) {
    }

    public record ClientHit(MatchProfile profile, Match match) {
    }

    public record Page<T>(List<T> items, String nextCursor) {
    }

    @Transactional
    public Page<OfferHit> offersFor(String caseId, UUID personId, Filter filter, String cursor, int limit) {
        KnownCase known = placement.visibleCase(caseId);
        placement.member(caseId, personId);
        MatchProfile profile = profiles("p.person_id = ?", personId).stream().findFirst()
                .orElseThrow(() -> new CommandRejected("no-profile", "personId", "record the client's profile first"));
        profile = withMunicipality(profile, known.municipality);
        Ranking.TopK top = topK(cursor, limit);
        scorer.rank(profile, openOffers.byOccupation(), top,
                new MatchScorer.Candidates(o -> passes(filter, o), filter.includeOutsideRadius(), filter.minScore()));
        Ranking.Page page = top.page();
        List<OfferHit> hits = new ArrayList<>();
        for (Ranking.Ranked r : page.items()) {
            MatchOffer o = openOffers.get(r.id());
            hits.add(new OfferHit(o, scorer.explain(profile, o)));
        }
        audit.record("match-offers-for-client", caseId, personId);
        return new Page<>(hits, page.nextCursor());
    }

    @Transactional
    public Page<ClientHit> clientsFor(UUID offerId, Filter filter, String cursor, int limit) {
        Loaded<OfferState> offer = offers.get(offerId);
        OfferState s = offer.state();
        MatchOffer o = new MatchOffer(s.offerId(), s.occupationCode(), s.title(), s.municipality(), s.hoursPerWeek(),
                s.startDate(), Arrays.asList(QueryTables.lower(s.requirements())), Arrays.asList(QueryTables.lower(s.languages())),
                s.drivingLicenceRequired());
        Map<UUID, MatchProfile> byId = new HashMap<>();
        Ranking.TopK top = topK(cursor, limit);
        for (MatchProfile p : profiles("k.closed_on is null and kp.left_on is null and kp.employable and not kp.erased", null)) {
            if (!caller.mayAccess(p.municipality())
                    || (filter.municipality() != null && !filter.municipality().equals(p.municipality()))) {
                continue;
            }
            int km = scorer.distanceKm(p, o);
            if (!filter.includeOutsideRadius() && (km < 0 || km > p.mobilityRadiusKm())) {
                continue;
            }
            int score = scorer.score(p, o, km);
            if (score >= filter.minScore()) {
                top.offer(p.personId(), score, km);
                byId.put(p.personId(), p);
            }
        }
        Ranking.Page page = top.page();
        List<ClientHit> hits = new ArrayList<>();
        for (Ranking.Ranked r : page.items()) {
            MatchProfile p = byId.get(r.id());
            hits.add(new ClientHit(p, scorer.explain(p, o)));
            audit.record("match-clients-for-offer", p.caseId(), p.personId());
        }
        return new Page<>(hits, page.nextCursor());
    }

    /** The score of one pair with its explanation (for a proposal's reasons). */
    public Match explain(MatchProfile p, MatchOffer o) {
        return scorer.explain(p, o);
    }

    public MatchProfile profileOf(String caseId, UUID personId) {
        KnownCase known = placement.visibleCase(caseId);
        return profiles("p.person_id = ?", personId).stream().findFirst().map(p -> withMunicipality(p, known.municipality))
                .orElse(null);
    }

    public static MatchOffer matchOffer(OfferState s) {
        return new MatchOffer(s.offerId(), s.occupationCode(), s.title(), s.municipality(), s.hoursPerWeek(), s.startDate(),
                Arrays.asList(QueryTables.lower(s.requirements())), Arrays.asList(QueryTables.lower(s.languages())),
                s.drivingLicenceRequired());
    }

    private static Ranking.TopK topK(String cursor, int limit) {
        try {
            return new Ranking.TopK(cursor, limit);
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("cursor", "is not a cursor of this API");
        }
    }

    private static boolean passes(Filter f, MatchOffer o) {
        return (f.occupationPrefix() == null || o.occupationCode().startsWith(f.occupationPrefix()))
                && (f.municipality() == null || f.municipality().equals(o.municipality()));
    }

    private static MatchProfile withMunicipality(MatchProfile p, String municipality) {
        return new MatchProfile(p.personId(), p.caseId(), municipality, p.occupationsSought(), p.qualifications(),
                p.languages(), p.drivingLicence(), p.mobilityRadiusKm(), p.maxHoursPerWeek(), p.availableFrom(), p.constraints());
    }

    private List<MatchProfile> profiles(String where, UUID personId) {
        String sql = "select p.person_id, p.case_id, k.municipality, p.occupations_sought, p.qualifications, p.languages, "
                + "p.driving_licence, p.mobility_radius_km, p.max_hours_per_week, p.available_from, p.constraints "
                + "from jp_profile p join known_case k on k.case_id = p.case_id join known_person kp on kp.person_id = p.person_id "
                + "where " + where;
        List<MatchProfile> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (personId != null) {
                ps.setObject(1, personId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MatchProfile((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), list(rs.getArray(4)),
                            new HashSet<>(list(rs.getArray(5))), new HashSet<>(list(rs.getArray(6))), rs.getBoolean(7),
                            rs.getInt(8), rs.getBigDecimal(9), rs.getObject(10, LocalDate.class), list(rs.getArray(11))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading profiles failed", e);
        }
        return out;
    }

    private static List<String> list(Array a) throws SQLException {
        return List.of((String[]) a.getArray());
    }
}
