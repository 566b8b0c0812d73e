package de.auseinerhand.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rankings and explanations checked by hand against the reference coordinates of the district. */
class MatchScorerTest {

    static final String MESCHEDE = "05958032";
    static final Places PLACES = Places.load(java.util.Optional.empty());
    static final MatchScorer SCORER = new MatchScorer(PLACES);

    /** Seeks 82102 (helper in geriatric care), lives in Meschede, 25 km radius, at most 30 h, from 2026-04-01. */
    static final MatchProfile CLIENT = new MatchProfile(UUID.fromString("00000000-0000-4000-8000-0000000000aa"), "BG-05958032-000001",
            MESCHEDE, List.of("82102"), Set.of("pflegebasiskurs"), Set.of("de"), true, 25, new BigDecimal("30"),
            LocalDate.of(2026, 4, 1), List.of("childcare until 14:00"));

    static MatchOffer offer(int n, String code, String ags, String hours, List<String> req, List<String> lang, boolean licence,
            LocalDate start) {
        return new MatchOffer(new UUID(0, n), code, "offer " + n, ags, new BigDecimal(hours), start, req, lang, licence);
    }

    static final MatchOffer A = offer(1, "82102", MESCHEDE, "30", List.of("pflegebasiskurs"), List.of("de"), true, LocalDate.of(2026, 4, 1));
    static final MatchOffer B = offer(2, "82103", "05958008", "38.5", List.of("examen altenpflege"), List.of("de"), false, LocalDate.of(2026, 5, 1));
    static final MatchOffer C = offer(3, "82302", "05958036", "20", List.of(), List.of(), false, LocalDate.of(2026, 3, 1));
    static final MatchOffer D = offer(4, "82102", "05958048", "40", List.of(), List.of(), false, null);
    static final MatchOffer E = offer(5, "82102", "05958024", "30", List.of(), List.of(), false, null);

    @Test
    void distancesComeFromTheReferenceCoordinates() {
        assertThat(PLACES.km(MESCHEDE, "05958008")).isEqualTo(8);   // Bestwig
        assertThat(PLACES.km(MESCHEDE, "05958036")).isEqualTo(14);  // Olsberg
        assertThat(PLACES.km(MESCHEDE, "05958048")).isEqualTo(25);  // Winterberg
        assertThat(PLACES.km(MESCHEDE, "05958024")).isEqualTo(41);  // Marsberg
        assertThat(PLACES.km(MESCHEDE, MESCHEDE)).isZero();
        assertThat(PLACES.km(MESCHEDE, "99999999")).isEqualTo(-1);
    }

    @Test
    void aPerfectFitScores100() {
        Match m = SCORER.explain(CLIENT, A);
        assertThat(m.score()).isEqualTo(100);
        assertThat(m.factors()).extracting(Match.Factor::points).containsExactly(40, 25, 20, 10, 5);
        assertThat(SCORER.score(CLIENT, A)).isEqualTo(100);
    }

    /** 30 (related level) + 12 (1 of 2) + 18 (8 km: 20 - 15*3/20) + 7 (30/38.5 h) + 5 = 72. */
    @Test
    void aRelatedOccupationWithAMissingQualificationIsExplainedPerFactor() {
        Match m = SCORER.explain(CLIENT, B);
        assertThat(m.factors()).extracting(Match.Factor::points).containsExactly(30, 12, 18, 7, 5);
        assertThat(m.score()).isEqualTo(72).isEqualTo(SCORER.score(CLIENT, B));
        assertThat(m.factors().get(0).reason()).isEqualTo("offered 82103: same occupation as sought 82102, other level of requirement");
        assertThat(m.factors().get(1).reason()).isEqualTo("1 of 2 requirements met; missing: examen altenpflege");
        assertThat(m.factors().get(2).reason()).isEqualTo("8 km from Meschede to Bestwig, within the mobility radius of 25 km");
        assertThat(m.factors().get(3).reason()).contains("38.5 h/week offered, at most 30 h/week possible")
                .contains("check the client's 1 recorded constraint").doesNotContain("childcare");
    }

    /** C: 10 (main group 82) + 25 + 14 (14 km) + 10 + 0 (starts before the client is available) = 59. */
    @Test
    void theMainGroupIsStillRelatedAndAvailabilityCounts() {
        Match m = SCORER.explain(CLIENT, C);
        assertThat(m.factors()).extracting(Match.Factor::points).containsExactly(10, 25, 14, 10, 0);
        assertThat(m.factors().get(4).reason()).isEqualTo("available only from 2026-04-01, start on 2026-03-01");
    }

    @Test
    void theRankingIsByScoreThenDistanceThenId() {
        List<Ranking.Ranked> ranked = new ArrayList<>();
        for (MatchOffer o : List.of(E, C, B, D, A)) {
            if (SCORER.withinRadius(CLIENT, o)) {
                ranked.add(new Ranking.Ranked(o.offerId(), SCORER.score(CLIENT, o), SCORER.distanceKm(CLIENT, o)));
            }
        }
        // D: 40 + 25 + 5 (25 km, at the radius) + 7 (30/40 h) + 5 = 82; E (41 km) lies beyond the radius
        assertThat(Ranking.page(ranked, null, 10).items()).extracting(Ranking.Ranked::id)
                .containsExactly(A.offerId(), D.offerId(), B.offerId(), C.offerId());
        assertThat(SCORER.explain(CLIENT, E).withinRadius()).isFalse();
        assertThat(SCORER.explain(CLIENT, E).factors().get(2).points()).isZero();

        MatchOffer twinFar = offer(9, "82102", "05958008", "30", List.of("pflegebasiskurs"), List.of("de"), true, null);
        MatchOffer twinNear = offer(8, "82102", MESCHEDE, "30", List.of("pflegebasiskurs"), List.of("de"), true, null);
        MatchOffer twinNear2 = offer(7, "82102", MESCHEDE, "30", List.of("pflegebasiskurs"), List.of("de"), true, null);
        List<Ranking.Ranked> ties = new ArrayList<>();
        for (MatchOffer o : List.of(twinFar, twinNear, twinNear2)) {
            ties.add(new Ranking.Ranked(o.offerId(), 100, SCORER.distanceKm(CLIENT, o)));
        }
        assertThat(Ranking.page(ties, null, 10).items()).extracting(Ranking.Ranked::id)
                .containsExactly(twinNear2.offerId(), twinNear.offerId(), twinFar.offerId());
    }

    @Test
    void hoursPointsAreExactAtTheBoundaries() {
        assertThat(MatchScorer.hoursPoints(CLIENT, offer(20, "82102", MESCHEDE, "37.5", List.of(), List.of(), false, null))).isEqualTo(8);
        assertThat(MatchScorer.hoursPoints(CLIENT, offer(21, "82102", MESCHEDE, "30.01", List.of(), List.of(), false, null))).isEqualTo(9);
        assertThat(MatchScorer.hoursPoints(CLIENT, offer(22, "82102", MESCHEDE, "60", List.of(), List.of(), false, null))).isEqualTo(5);
    }

    /** Skipping pairs whose bound cannot enter the top gives exactly the pages of scoring everything. */
    @Test
    void skippingByTheUpperBoundChangesNoPage() {
        java.util.Random random = new java.util.Random(42);
        String[] codes = {"82102", "82103", "82112", "82202", "82302", "52202", "63302"};
        String[] places = {"05958004", "05958008", "05958012", "05958032", "05958036", "05958048", "05958024"};
        List<MatchOffer> offers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            offers.add(offer(1000 + i, codes[random.nextInt(codes.length)], places[random.nextInt(places.length)],
                    String.valueOf(10 + random.nextInt(31)), random.nextBoolean() ? List.of("pflegebasiskurs") : List.of(),
                    List.of("de"), random.nextBoolean(), null));
        }
        // the offers grouped by occupation as the index holds them, each group in another order than the list
        java.util.Map<String, List<MatchOffer>> byCode = new java.util.TreeMap<>();
        for (int i = offers.size() - 1; i >= 0; i--) {
            byCode.computeIfAbsent(offers.get(i).occupationCode(), k -> new ArrayList<>()).add(offers.get(i));
        }
        List<OpenOfferIndex.OccupationGroup> groups = byCode.entrySet().stream()
                .map(e -> new OpenOfferIndex.OccupationGroup(e.getKey(), e.getValue())).toList();
        // within the radius (the case file), and with a filter, a minimum score and offers beyond the radius (job-placement)
        MatchScorer.Candidates[] modes = {MatchScorer.Candidates.WITHIN_RADIUS,
                new MatchScorer.Candidates(o -> !o.municipality().equals("05958024"), true, 60)};
        for (MatchScorer.Candidates mode : modes) {
            String cursorAll = null;
            String cursorSkipping = null;
            String cursorRanked = null;
            for (int page = 0; page < 5; page++) {
                Ranking.TopK all = new Ranking.TopK(cursorAll, 20);
                Ranking.TopK skipping = new Ranking.TopK(cursorSkipping, 20);
                for (MatchOffer o : offers) {
                    int km = SCORER.distanceKm(CLIENT, o);
                    int score = SCORER.score(CLIENT, o, km);
                    if (!mode.passes().test(o) || !mode.outsideRadius() && km > CLIENT.mobilityRadiusKm() || score < mode.minScore()) {
                        continue;
                    }
                    all.offer(o.offerId(), score, km);
                    if (!skipping.cannotEnter(MatchScorer.upperBound(CLIENT, o))) {
                        skipping.offer(o.offerId(), score, km);
                    }
                }
                Ranking.TopK ranked = new Ranking.TopK(cursorRanked, 20);
                SCORER.rank(CLIENT, groups, ranked, mode);
                Ranking.Page a = all.page();
                Ranking.Page b = skipping.page();
                Ranking.Page c = ranked.page();
                assertThat(a.items()).hasSize(20);
                assertThat(b.items()).isEqualTo(a.items());
                assertThat(b.nextCursor()).isEqualTo(a.nextCursor());
                assertThat(c.items()).as("ranked by occupation groups, page %d", page).isEqualTo(a.items());
                assertThat(c.nextCursor()).isEqualTo(a.nextCursor());
                cursorAll = a.nextCursor();
                cursorSkipping = b.nextCursor();
                cursorRanked = c.nextCursor();
            }
        }
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<Ranking.Ranked> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(new Ranking.Ranked(new UUID(0, i), 50 + (i % 7), i % 3));
        }
        List<Ranking.Ranked> expected = new ArrayList<>(all);
        expected.sort(Ranking.ORDER);
        List<Ranking.Ranked> seen = new ArrayList<>();
        String cursor = null;
        do {
            Ranking.Page page = Ranking.page(all, cursor, 10);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> Ranking.page(all, "bm9wZQ", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
