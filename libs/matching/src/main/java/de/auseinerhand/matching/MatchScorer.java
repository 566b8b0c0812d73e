package de.auseinerhand.matching;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a client against an offer, deterministically and explainably, in whole points:
 * <ul>
 * <li>occupation (40): the offered KldB 2010 code equals a sought one (40), or shares the subgroup
 * with another level of requirement (30), the group (20) or the main group (10) – related occupations;</li>
 * <li>requirements (25): share of the offer's qualifications, languages and driving licence the client has;</li>
 * <li>distance (20): up to 5 km full points, falling linearly to 5 points at the client's mobility
 * radius, 0 beyond it;</li>
 * <li>hours and availability (15): 10 when the offer's hours fit the client's maximum (else in
 * proportion), 5 when the client is available by the start date.</li>
 * </ul>
 * Free-text constraints (e.g. childcare hours) are not scored; the explanation lists them for the case worker.
 */
public final class MatchScorer {

    public static final int OCCUPATION = 40;
    public static final int REQUIREMENTS = 25;
    public static final int DISTANCE = 20;
    public static final int HOURS = 10;
    public static final int AVAILABILITY = 5;
    static final int NEAR_KM = 5;

    private final Places places;

    public MatchScorer(Places places) {
        this.places = places;
    }

    /** The score alone, for ranking many pairs without building explanations. */
    public int score(MatchProfile p, MatchOffer o) {
        return score(p, o, places.km(p.municipality(), o.municipality()));
    }

    /** The score with the distance already known. */
    public int score(MatchProfile p, MatchOffer o, int km) {
        return occupationPoints(p, o) + requirementPoints(p, o) + distancePoints(km, p.mobilityRadiusKm())
                + hoursPoints(p, o) + availabilityPoints(p, o);
    }

    public int distanceKm(MatchProfile p, MatchOffer o) {
        return places.km(p.municipality(), o.municipality());
    }

    public boolean withinRadius(MatchProfile p, MatchOffer o) {
        int km = distanceKm(p, o);
        return km >= 0 && km <= p.mobilityRadiusKm();
    }

    /** The score with the reason of every factor. */
    public Match explain(MatchProfile p, MatchOffer o) {
        int km = places.km(p.municipality(), o.municipality());
        List<Match.Factor> factors = new ArrayList<>();
        factors.add(new Match.Factor("occupation", occupationPoints(p, o), OCCUPATION, occupationReason(p, o)));
        factors.add(new Match.Factor("requirements", requirementPoints(p, o), REQUIREMENTS, requirementReason(p, o)));
        String from = places.name(p.municipality());
        String to = places.name(o.municipality());
        factors.add(new Match.Factor("distance", distancePoints(km, p.mobilityRadiusKm()), DISTANCE, km < 0
                ? "distance unknown"
                : km + " km from " + from + " to " + to + (km <= p.mobilityRadiusKm() ? ", within " : ", beyond ")
                        + "the mobility radius of " + p.mobilityRadiusKm() + " km"));
        factors.add(new Match.Factor("hours", hoursPoints(p, o), HOURS, p.maxHoursPerWeek() == null
                ? o.hoursPerWeek().stripTrailingZeros().toPlainString() + " h/week, the client named no limit"
                : o.hoursPerWeek().stripTrailingZeros().toPlainString() + " h/week offered, at most "
                        + p.maxHoursPerWeek().stripTrailingZeros().toPlainString() + " h/week possible"
                        // the reasons are stored with a proposal and published: they name the constraints, never their
                        // text (personal data, encrypted in the profile's events)
                        + (p.constraints().isEmpty() ? "" : "; check the client's " + p.constraints().size()
                                + (p.constraints().size() == 1 ? " recorded constraint" : " recorded constraints"))));
        factors.add(new Match.Factor("availability", availabilityPoints(p, o), AVAILABILITY,
                availabilityPoints(p, o) == AVAILABILITY
                        ? (o.startDate() == null ? "no start date" : "available by the start on " + o.startDate())
                        : "available only from " + p.availableFrom() + ", start on " + o.startDate()));
        int total = factors.stream().mapToInt(Match.Factor::points).sum();
        return new Match(total, km, km >= 0 && km <= p.mobilityRadiusKm(), factors);
    }

    static int occupationPoints(MatchProfile p, MatchOffer o) {
        return occupationPoints(p, o.occupationCode());
    }

    /** The occupation points of any offer of {@code code}: the longest prefix shared with an occupation sought. */
    public static int occupationPoints(MatchProfile p, String code) {
        int best = 0;
        for (String sought : p.occupationsSought()) {
            best = Math.max(best, OccupationCode.sharedPrefix(sought, code));
        }
        return best >= 5 ? OCCUPATION : best == 4 ? 30 : best == 3 ? 20 : best == 2 ? 10 : 0;
    }

    /** Which offers a ranking considers, besides the score. */
    public record Candidates(java.util.function.Predicate<MatchOffer> passes, boolean outsideRadius, int minScore) {
        /** Every offer within the profile's radius. */
        public static final Candidates WITHIN_RADIUS = new Candidates(o -> true, false, 0);
    }

    /**
     * Offers every open offer that can still enter {@code top}, the same page as scoring every offer (ties by
     * {@link Ranking#ORDER}): the occupations in the order of their points, best first, each group's bound computed once;
     * once a group's bound cannot enter the top, no later group can either, and the ranking ends there.
     */
    public void rank(MatchProfile p, List<OpenOfferIndex.OccupationGroup> groups, Ranking.TopK top, Candidates candidates) {
        int n = groups.size();
        int[] points = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            points[i] = occupationPoints(p, groups.get(i).code());
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> points[b] != points[a] ? Integer.compare(points[b], points[a]) : Integer.compare(a, b));
        for (int g : order) {
            int bound = points[g] + REQUIREMENTS + DISTANCE + HOURS + AVAILABILITY;
            if (top.cannotEnter(bound)) {
                return;
            }
            for (MatchOffer o : groups.get(g).offers()) {
                if (top.cannotEnter(bound)) {
                    return;
                }
                if (!candidates.passes().test(o)) {
                    continue;
                }
                int km = distanceKm(p, o);
                if (!candidates.outsideRadius() && (km < 0 || km > p.mobilityRadiusKm())) {
                    continue;
                }
                int score = points[g] + requirementPoints(p, o) + distancePoints(km, p.mobilityRadiusKm()) + hoursPoints(p, o)
                        + availabilityPoints(p, o);
                if (score >= candidates.minScore()) {
                    top.offer(o.offerId(), score, km);
                }
            }
        }
    }

    private static String occupationReason(MatchProfile p, MatchOffer o) {
        String bestCode = null;
        int best = -1;
        for (String sought : p.occupationsSought()) {
            int shared = OccupationCode.sharedPrefix(sought, o.occupationCode());
            if (shared > best) {
                best = shared;
                bestCode = sought;
            }
        }
        String offered = "offered " + o.occupationCode();
        switch (best) {
            case 5:
                return offered + " is sought";
            case 4:
                return offered + ": same occupation as sought " + bestCode + ", other level of requirement";
            case 3:
                return offered + ": related, same occupational group " + o.occupationCode().substring(0, 3) + " as sought " + bestCode;
            case 2:
                return offered + ": related, same main group " + o.occupationCode().substring(0, 2) + " as sought " + bestCode;
            default:
                return offered + ": not related to the occupations sought";
        }
    }

    static int requirementPoints(MatchProfile p, MatchOffer o) {
        int total = o.requirements().size() + o.languages().size() + (o.drivingLicenceRequired() ? 1 : 0);
        if (total == 0) {
            return REQUIREMENTS;
        }
        int met = 0;
        for (String r : o.requirements()) {
            if (p.qualifications().contains(r)) {
                met++;
            }
        }
        for (String l : o.languages()) {
            if (p.languages().contains(l)) {
                met++;
            }
        }
        if (o.drivingLicenceRequired() && p.drivingLicence()) {
            met++;
        }
        return REQUIREMENTS * met / total;
    }

    private static String requirementReason(MatchProfile p, MatchOffer o) {
        List<String> missing = new ArrayList<>();
        int total = 0;
        for (String r : o.requirements()) {
            total++;
            if (!p.qualifications().contains(r)) {
                missing.add(r);
            }
        }
        for (String l : o.languages()) {
            total++;
            if (!p.languages().contains(l)) {
                missing.add("language " + l);
            }
        }
        if (o.drivingLicenceRequired()) {
            total++;
            if (!p.drivingLicence()) {
                missing.add("driving licence");
            }
        }
        if (total == 0) {
            return "the offer names no requirements";
        }
        return (total - missing.size()) + " of " + total + " requirements met" + (missing.isEmpty() ? "" : "; missing: "
                + String.join(", ", missing));
    }

    static int distancePoints(int km, int radius) {
        if (km < 0 || km > radius) {
            return 0;
        }
        if (km <= NEAR_KM || radius <= NEAR_KM) {
            return DISTANCE;
        }
        // 20 points at 5 km, falling linearly to 5 points at the radius (integer arithmetic, rounded down)
        return DISTANCE - (15 * (km - NEAR_KM)) / (radius - NEAR_KM);
    }

    static int hoursPoints(MatchProfile p, MatchOffer o) {
        if (p.maxHoursPerWeek() == null || o.hoursPerWeek().compareTo(p.maxHoursPerWeek()) <= 0) {
            return HOURS;
        }
        // hours have at most two decimal places: exact in hundredths, integer arithmetic rounded down
        return (int) (HOURS * hundredths(p.maxHoursPerWeek()) / hundredths(o.hoursPerWeek()));
    }

    private static long hundredths(BigDecimal hours) {
        return Math.round(hours.doubleValue() * 100);
    }

    /**
     * The most points the pair can reach whatever its other factors: its occupation points plus the
     * maximum of the rest. Ranking skips pairs whose bound cannot enter the current top.
     */
    public static int upperBound(MatchProfile p, MatchOffer o) {
        return occupationPoints(p, o) + REQUIREMENTS + DISTANCE + HOURS + AVAILABILITY;
    }

    static int availabilityPoints(MatchProfile p, MatchOffer o) {
        return p.availableFrom() == null || o.startDate() == null || !p.availableFrom().isAfter(o.startDate()) ? AVAILABILITY : 0;
    }
}
