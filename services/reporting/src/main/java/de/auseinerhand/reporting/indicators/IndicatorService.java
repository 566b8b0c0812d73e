package de.auseinerhand.reporting.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Indicators for a report month as known on a date, early or final (3-month waiting time). */
@ApplicationScoped
public class IndicatorService {
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Inject
    FactsRepository facts;

    @Inject
    District district;

    private static final List<MappingVersion> MAPPING = loadMapping();

    public record MappingVersion(int version, LocalDate validFrom, Set<String> legalBases) {
    }

    public record Result(YearMonth month, LocalDate asOf, String mode, Instant knowledgeCutoff, boolean finalFigures, int mappingVersion,
                         List<IndicatorEngine.Indicators> indicators) {
    }

    /**
     * @param asOf the date whose knowledge counts (everything recorded by its end, Europe/Berlin)
     * @param official apply the waiting time: only what was recorded by the end of month + 3
     */
    public Result compute(YearMonth month, LocalDate asOf, boolean official) {
        return cached(month, asOf, official, facts.stamp(), () -> computeUncached(month, asOf, official));
    }

    /** The cached result while {@code stamp} (read before computing) is unchanged, else {@code compute}'s, kept. */
    private Result cached(YearMonth month, LocalDate asOf, boolean official, String stamp, java.util.function.Supplier<Result> compute) {
        String key = month + "|" + asOf + "|" + official;
        Cached cached = cache.get(key);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.result();
        }
        Result r = compute.get();
        if (cache.size() > 512) {
            cache.clear();
        }
        cache.put(key, new Cached(r, stamp));
        return r;
    }

    /** A result stays valid while no event was applied since (the consumer's checkpoints and the active version are unchanged). */
    private record Cached(Result result, String stamp) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * From the stored figures ({@link StoredFigures}): the sums as known at the cutoff, added up per unit, sex and month.
     * {@link #computeFromFacts} folds the facts themselves and gives the same result.
     */
    Result computeUncached(YearMonth month, LocalDate asOf, boolean official) {
        return computeUncached(month, asOf, official, day -> facts.storedFigures(day, month.minusMonths(24), month));
    }

    /** {@code figuresKnownOn}: the stored figures as known on a day, of at least the months M − 24 to M. */
    private Result computeUncached(YearMonth month, LocalDate asOf, boolean official,
            java.util.function.Function<LocalDate, Map<String, IndicatorEngine.Figures>> figuresKnownOn) {
        Instant cutoff = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant waitingEnd = month.plusMonths(3).atEndOfMonth().plusDays(1).atStartOfDay(ZONE).toInstant();
        boolean isFinal = !cutoff.isBefore(waitingEnd);
        if (official && isFinal) {
            cutoff = waitingEnd;
        }
        MappingVersion m = mappingFor(month);
        List<String> municipalities = district.municipalities().stream().map(Municipality::ags).toList();
        // the knowledge of the day before the cutoff (cutoffs are the starts of days in Europe/Berlin)
        LocalDate knownOn = LocalDate.ofInstant(cutoff, ZONE).minusDays(1);
        Map<String, IndicatorEngine.Figures> figures = figuresKnownOn.apply(knownOn);
        List<IndicatorEngine.Indicators> rows = StoredFigures.engine().indicators(figures, month, municipalities);
        return new Result(month, asOf, official ? "final" : "early", cutoff, isFinal, m.version(), rows);
    }

    /** The same indicators folded from every fact known at the cutoff (slow at district size; the reference of the stored figures). */
    public Result computeFromFacts(YearMonth month, LocalDate asOf, boolean official) {
        Result stored = computeUncached(month, asOf, official);
        List<String> municipalities = district.municipalities().stream().map(Municipality::ags).toList();
        List<IndicatorEngine.Indicators> rows = StoredFigures.engine().compute(facts.knownAt(stored.knowledgeCutoff()), month, municipalities);
        return new Result(stored.month(), stored.asOf(), stored.mode(), stored.knowledgeCutoff(), stored.finalFigures(), stored.mappingVersion(), rows);
    }

    /** One caseworker's caseload in a month: eLb under 25 (reference 1:75) and 25 or older (1:150). */
    /** Counts are null when small (SmallCounts in the resource); see {@link #caseloads}. */
    public record Caseload(String caseworkerId, String function, Long cases, Long elbUnder25, Long elb25Plus, BigDecimal referenceCapacity,
                           BigDecimal utilisation) {
    }

    /**
     * Caseloads of the month as known on {@code asOf}: each case counts for the caseworker assigned for
     * the function at the month's end; utilisation = eLb under 25 / 75 + eLb 25+ / 150 (1.0 = at the reference ratio).
     */
    public List<Caseload> caseloads(YearMonth month, LocalDate asOf, String function) {
        Instant cutoff = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<String, long[]> elb = new IndicatorEngine(Set.of()).elbByCase(facts.knownAt(cutoff), month);
        Map<String, String> assigned = facts.assignments(cutoff, month.atEndOfMonth(), function);
        Map<String, long[]> perWorker = new java.util.TreeMap<>();
        for (Map.Entry<String, long[]> e : elb.entrySet()) {
            String worker = assigned.getOrDefault(e.getKey(), "unassigned");
            long[] sum = perWorker.computeIfAbsent(worker, k -> new long[3]);
            sum[0]++;
            sum[1] += e.getValue()[0];
            sum[2] += e.getValue()[1];
        }
        List<Caseload> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : perWorker.entrySet()) {
            long[] v = e.getValue();
            BigDecimal load = BigDecimal.valueOf(v[1]).divide(BigDecimal.valueOf(75), java.math.MathContext.DECIMAL64)
                    .add(BigDecimal.valueOf(v[2]).divide(BigDecimal.valueOf(150), java.math.MathContext.DECIMAL64));
            out.add(new Caseload(e.getKey(), function, (long) v[0], (long) v[1], (long) v[2], BigDecimal.valueOf(v[1] + v[2]),
                    load.setScale(3, java.math.RoundingMode.HALF_UP)));
        }
        return out;
    }

    /** Indicators for a range of months (a time series), the stored figures read once per day of knowledge. */
    public List<Result> series(YearMonth from, YearMonth to, LocalDate asOf, boolean official) {
        String stamp = facts.stamp();
        Map<LocalDate, Map<String, IndicatorEngine.Figures>> read = new java.util.HashMap<>();
        List<Result> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            YearMonth month = m;
            out.add(cached(month, asOf, official, stamp, () -> computeUncached(month, asOf, official,
                    day -> read.computeIfAbsent(day, d -> facts.storedFigures(d, from.minusMonths(24), to)))));
        }
        return out;
    }

    /** The legal bases of active labour-market policy in the mapping version in force for {@code month}. */
    public static Set<String> activeLegalBases(YearMonth month) {
        return mappingFor(month).legalBases();
    }

    static MappingVersion mappingFor(YearMonth month) {
        MappingVersion found = MAPPING.get(0);
        for (MappingVersion v : MAPPING) {
            if (!v.validFrom().isAfter(month.atDay(1)) && !v.validFrom().isBefore(found.validFrom())) {
                found = v;
            }
        }
        return found;
    }

    private static List<MappingVersion> loadMapping() {
        try (InputStream in = IndicatorService.class.getClassLoader().getResourceAsStream("reference/active-measures.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<MappingVersion> out = new ArrayList<>();
            for (JsonNode v : root.get("versions")) {
                Set<String> bases = new HashSet<>();
                v.get("legalBases").forEach(b -> bases.add(b.asText()));
                out.add(new MappingVersion(v.get("version").asInt(), LocalDate.parse(v.get("validFrom").asText()), Set.copyOf(bases)));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("reference/active-measures.json has no version");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
