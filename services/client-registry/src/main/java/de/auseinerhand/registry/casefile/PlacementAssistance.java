package de.auseinerhand.registry.casefile;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.events.placement.PlacementTexts;
import de.auseinerhand.matching.Match;
import de.auseinerhand.matching.MatchOffer;
import de.auseinerhand.matching.MatchProfile;
import de.auseinerhand.matching.MatchScorer;
import de.auseinerhand.matching.OpenOfferIndex;
import de.auseinerhand.matching.Places;
import de.auseinerhand.matching.Ranking;
import de.auseinerhand.registry.application.CaseService;
import de.auseinerhand.registry.domain.CaseState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The placement side of the case file (issue 16 §4), so that the one team sees both sides at once: for each current
 * employable member the five best open offers of the district with the points and reason of every factor, and the last
 * proposals with their outcomes. Ranked here, from the offers and profiles job-placement published, with job-placement's
 * own rules (libs/matching): the same order and the same reasons as its {@code GET .../placement/persons/{personId}/offers}
 * with its defaults (within the member's mobility radius, any score), without a call between the services.
 */
@ApplicationScoped
public class PlacementAssistance {
    static final int BEST = 5;
    static final int LAST_PROPOSALS = 5;
    /** job-placement's ranking of every open offer for the member, paged (same API root behind the district's gateway). */
    static final String MORE = "/api/v1/cases/%s/placement/persons/%s/offers";

    @Inject
    DataSource dataSource;

    @Inject
    CaseService cases;

    @ConfigProperty(name = "aeh.reference.places-file")
    Optional<String> placesFile;

    private OpenOfferIndex offers;
    private MatchScorer scorer;
    private Places places;

    @PostConstruct
    void init() {
        places = Places.load(placesFile);
        scorer = new MatchScorer(places);
        offers = new OpenOfferIndex(dataSource, "open_offer", "o.open", "changed_at");
    }

    /** One entry per current employable member, in the order of the members. */
    List<CaseFileView.Assistance> of(CaseState s, List<CaseFiles.Entry> entries, Function<UUID, String> name) {
        Map<UUID, ClientProfileRecorded> profiles = new HashMap<>();
        Map<UUID, List<CaseFileView.Proposal>> proposals = new HashMap<>();
        for (CaseFiles.Entry e : entries) {
            EventData d = e.data();
            if (d instanceof ClientProfileRecorded x) {
                profiles.put(x.personId(), x);
            } else if (d instanceof PlacementProposed x) {
                proposals.computeIfAbsent(x.personId(), k -> new ArrayList<>())
                        .add(new CaseFileView.Proposal(x.personId(), name.apply(x.personId()), x.offerId(), x.score(), e.time(), null, null));
            } else if (d instanceof PlacementOutcomeRecorded x) {
                List<CaseFileView.Proposal> own = proposals.getOrDefault(x.personId(), List.of());
                for (int i = own.size() - 1; i >= 0; i--) {
                    CaseFileView.Proposal p = own.get(i);
                    if (p.offerId().equals(x.offerId())) {
                        own.set(i, new CaseFileView.Proposal(p.personId(), p.name(), p.offerId(), p.score(), p.proposedAt(),
                                x.outcome().name(), x.occurredOn()));
                        break;
                    }
                }
            }
        }
        List<CaseState.Member> employable = s.members().values().stream().filter(m -> m.isCurrent() && m.employable() && !m.erased())
                .toList();
        if (employable.isEmpty()) {
            return List.of();
        }
        // constraints are only counted in the reasons ("check the client's 2 recorded constraints"); sealed ones are opened
        Map<UUID, EncryptedPii> sealed = new LinkedHashMap<>();
        for (CaseState.Member m : employable) {
            ClientProfileRecorded p = profiles.get(m.personId());
            if (p != null && p.constraints() == null && p.pii() != null) {
                sealed.put(m.personId(), p.pii());
            }
        }
        Map<UUID, PlacementTexts> texts = sealed.isEmpty() ? Map.of() : cases.placementTexts(sealed);
        List<OpenOfferIndex.OccupationGroup> open = offers.byOccupation();

        List<CaseFileView.Assistance> out = new ArrayList<>();
        for (CaseState.Member m : employable) {
            List<CaseFileView.Proposal> own = proposals.getOrDefault(m.personId(), List.of());
            List<CaseFileView.Proposal> last = new ArrayList<>(own.subList(Math.max(0, own.size() - LAST_PROPOSALS), own.size()));
            ClientProfileRecorded p = profiles.get(m.personId());
            if (p == null) {
                out.add(new CaseFileView.Assistance(m.personId(), name.apply(m.personId()), false, List.of(), last, null));
                continue;
            }
            PlacementTexts t = texts.get(m.personId());
            List<String> constraints = p.constraints() != null ? p.constraints()
                    : t != null && t.constraints() != null ? t.constraints() : List.of();
            MatchProfile profile = new MatchProfile(m.personId(), s.caseId(), s.municipality(), p.occupationsSought(),
                    new HashSet<>(OpenOfferIndex.lower(p.qualifications())), new HashSet<>(OpenOfferIndex.lower(p.languages())),
                    Boolean.TRUE.equals(p.drivingLicence()), p.mobilityRadiusKm(), p.maxHoursPerWeek(), p.availableFrom(), constraints);
            Map<UUID, CaseFileView.Proposal> proposed = new HashMap<>();
            own.forEach(x -> proposed.put(x.offerId(), x));
            out.add(new CaseFileView.Assistance(m.personId(), name.apply(m.personId()), true, best(profile, open, proposed), last,
                    String.format(MORE, s.caseId(), m.personId())));
        }
        return out;
    }

    /** The best open offers within the member's radius: score, then distance, then offer id (job-placement's order). */
    private List<CaseFileView.OfferSuggestion> best(MatchProfile profile, List<OpenOfferIndex.OccupationGroup> open, Map<UUID, CaseFileView.Proposal> proposed) {
        Ranking.TopK top = new Ranking.TopK(null, BEST);
        scorer.rank(profile, open, top, MatchScorer.Candidates.WITHIN_RADIUS);
        List<Ranking.Ranked> ranked = top.page().items();
        Map<UUID, MatchOffer> byId = new HashMap<>();
        ranked.forEach(r -> byId.put(r.id(), null));
        for (OpenOfferIndex.OccupationGroup g : open) {
            for (MatchOffer o : g.offers()) {
                if (byId.containsKey(o.offerId())) {
                    byId.put(o.offerId(), o);
                }
            }
        }
        List<CaseFileView.OfferSuggestion> out = new ArrayList<>();
        for (Ranking.Ranked r : ranked) {
            MatchOffer o = byId.get(r.id());
            Match match = scorer.explain(profile, o);
            CaseFileView.Proposal earlier = proposed.get(o.offerId());
            out.add(new CaseFileView.OfferSuggestion(o.offerId(), o.title(), o.occupationCode(), o.municipality(),
                    places.name(o.municipality()), o.hoursPerWeek(), o.startDate(), match.score(), match.distanceKm(),
                    match.factors().stream().map(f -> new CaseFileView.Factor(f.name(), f.points(), f.max(), f.reason())).toList(),
                    earlier == null ? null : earlier.proposedAt(), earlier == null ? null : earlier.outcome()));
        }
        return out;
    }
}
