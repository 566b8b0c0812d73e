package de.auseinerhand.reporting.rest;

import de.auseinerhand.reporting.indicators.IndicatorEngine;
import de.auseinerhand.reporting.indicators.IndicatorService;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The official indicators (§ 48a SGB II): K1–K3 and their twelve supplements per municipality and
 * for the district, by sex, as known on {@code asOf}, early or final; JSON or CSV; counts below the
 * threshold suppressed; the municipalities ranked on every indicator.
 */
@Path("/api/v1/indicators")
@RolesAllowed({Roles.DISTRICT_ANALYST, Roles.DISTRICT_ADMIN, Roles.TEAM_LEAD})
@Tag(name = "Indicators", description = "Official indicators K1-K3 (§ 48a SGB II)")
@SecurityRequirement(name = "bearer")
public class IndicatorResource {
    /** Indicators where a fall is the better result (spending, stocks, inflows). */
    static final Set<String> LOWER_IS_BETTER = Set.of("K1", "K1E1", "K1E2", "K1E3", "K3", "K3E3");

    @Inject
    Clock clock;

    @Inject
    IndicatorService indicators;

    @Inject
    District district;

    @Inject
    SmallCounts small;

    public record Row(String municipality, String name, String sex, Map<String, BigDecimal> indicators, Map<String, Object> figures) {
    }

    public record Ranked(String municipality, String name, BigDecimal value, int rank) {
    }

    public record View(YearMonth month, LocalDate asOf, String mode, boolean finalFigures, int measureMappingVersion, int smallCountThreshold,
                       List<Row> rows, Map<String, List<Ranked>> ranking) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "K1-K3 and supplements for a month, per municipality and district, by sex",
            description = "asOf (default today): figures as known at the end of that day; mode=final applies the 3-month waiting time "
                    + "(only what was recorded by the end of month + 3); format=csv or Accept: text/csv for CSV. Counts below the "
                    + "threshold and indicators of units with fewer eLb are null (suppressed).")
    public Response get(@QueryParam("month") @Parameter(description = "report month, e.g. 2026-03", required = true) String month,
            @QueryParam("asOf") String asOf, @QueryParam("mode") String mode, @QueryParam("municipality") String municipality,
            @QueryParam("sex") String sex, @QueryParam("format") String format) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = parseMonth(month, v);
        LocalDate day = parseDate(asOf, v);
        v.require(mode == null || mode.equals("early") || mode.equals("final"), "mode", "early or final");
        v.require(municipality == null || municipality.equals(IndicatorEngine.DISTRICT) || district.contains(municipality), "municipality",
                "an AGS of the district or 'district'");
        v.require(sex == null || List.of("ALL", "FEMALE", "MALE").contains(sex), "sex", "ALL, FEMALE or MALE");
        v.require(format == null || format.equals("json") || format.equals("csv"), "format", "json or csv");
        v.throwIfAny();
        IndicatorService.Result r = indicators.compute(m, day == null ? LocalDate.now(clock) : day, "final".equals(mode));
        List<Row> rows = new ArrayList<>();
        for (IndicatorEngine.Indicators i : r.indicators()) {
            if ((municipality != null && !municipality.equals(i.municipality())) || (sex != null && !sex.equals(i.sex()))) {
                continue;
            }
            rows.add(row(i));
        }
        View view = new View(m, r.asOf(), r.mode(), r.finalFigures(), r.mappingVersion(), small.threshold(), rows, ranking(r));
        if ("csv".equals(format)) {
            return Response.ok(csv(view), "text/csv").header("Content-Disposition", "attachment; filename=indicators-" + m + ".csv").build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }

    public record Point(YearMonth month, boolean finalFigures, Map<String, BigDecimal> indicators, Long elb, Long lzb, BigDecimal llu) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/series")
    @Operation(summary = "K1-K3 and supplements month by month for one municipality or the district (sex ALL), for charts",
            description = "At most 36 months; asOf and mode as for /api/v1/indicators; small counts suppressed.")
    public List<Point> series(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("municipality") String municipality,
            @QueryParam("asOf") String asOf, @QueryParam("mode") String mode) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth f = CaseloadResource.month(from, "from", v);
        YearMonth t = CaseloadResource.month(to, "to", v);
        LocalDate day = CaseloadResource.date(asOf, v);
        v.require(f == null || t == null || (!t.isBefore(f) && f.plusMonths(36).isAfter(t)), "to", "at most 36 months after from");
        v.require(mode == null || mode.equals("early") || mode.equals("final"), "mode", "early or final");
        v.throwIfAny();
        String unit = municipality == null ? IndicatorEngine.DISTRICT : municipality;
        return indicators.series(f, t, day == null ? LocalDate.now(clock) : day, "final".equals(mode)).stream()
                .map(r -> r.indicators().stream().filter(i -> i.municipality().equals(unit) && i.sex().equals(IndicatorEngine.ALL))
                        .findFirst().map(i -> point(r, i)).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
    }

    private Point point(IndicatorService.Result r, IndicatorEngine.Indicators i) {
        long elb = i.current().elb;
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        i.values().forEach((k, val) -> values.put(k, small.ofUnit(elb, val)));
        return new Point(r.month(), r.finalFigures(), values, small.count(elb), small.count(i.current().lzb), small.ofUnit(elb, i.current().llu));
    }

    private Row row(IndicatorEngine.Indicators i) {
        long elb = i.current().elb;
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        i.values().forEach((k, val) -> values.put(k, small.ofUnit(elb, val)));
        IndicatorEngine.Figures f = i.current();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("elb", count(f.elb));
        figures.put("nonEmployable", count(f.nonEmployable));
        figures.put("singleParentElb", count(f.singleParentElb));
        figures.put("under25Elb", count(f.under25Elb));
        figures.put("lzb", count(f.lzb));
        figures.put("lzbInActiveMeasure", count(f.lzbInActiveMeasure));
        figures.put("elbInflow", count(f.elbInflow));
        figures.put("elbOutflow", count(f.elbOutflow));
        figures.put("integrations", count(f.integrations));
        figures.put("llu", small.ofUnit(elb, f.llu));
        figures.put("kdu", small.ofUnit(elb, f.kdu));
        figures.put("lluYearBefore", small.ofUnit(i.yearBefore().elb, i.yearBefore().llu));
        figures.put("lzbYearBefore", count(i.yearBefore().lzb));
        figures.put("elbYearBefore", count(i.yearBefore().elb));
        return new Row(i.municipality(), name(i.municipality()), i.sex(), values, figures);
    }

    private Long count(long n) {
        return small.count(n);
    }

    private Map<String, List<Ranked>> ranking(IndicatorService.Result r) {
        Map<String, List<Ranked>> out = new LinkedHashMap<>();
        List<IndicatorEngine.Indicators> towns = r.indicators().stream()
                .filter(i -> i.sex().equals(IndicatorEngine.ALL) && !i.municipality().equals(IndicatorEngine.DISTRICT)).toList();
        if (towns.isEmpty()) {
            return out;
        }
        for (String k : towns.get(0).values().keySet()) {
            Comparator<BigDecimal> order = LOWER_IS_BETTER.contains(k) ? Comparator.naturalOrder() : Comparator.reverseOrder();
            List<IndicatorEngine.Indicators> ranked = towns.stream()
                    .filter(i -> i.values().get(k) != null && !small.unitSuppressed(i.current().elb))
                    .sorted(Comparator.comparing((IndicatorEngine.Indicators i) -> i.values().get(k), order)).toList();
            List<Ranked> list = new ArrayList<>();
            for (int n = 0; n < ranked.size(); n++) {
                IndicatorEngine.Indicators i = ranked.get(n);
                list.add(new Ranked(i.municipality(), name(i.municipality()), i.values().get(k), n + 1));
            }
            out.put(k, list);
        }
        return out;
    }

    private String name(String ags) {
        return ags.equals(IndicatorEngine.DISTRICT) ? "district" : district.municipalities().stream().filter(x -> x.ags().equals(ags))
                .map(Municipality::name).findFirst().orElse(ags);
    }

    static String csv(View v) {
        StringBuilder sb = new StringBuilder();
        List<String> keys = v.rows().isEmpty() ? List.of() : new ArrayList<>(v.rows().get(0).indicators().keySet());
        List<String> figures = v.rows().isEmpty() ? List.of() : new ArrayList<>(v.rows().get(0).figures().keySet());
        sb.append("month,asOf,mode,municipality,name,sex");
        keys.forEach(k -> sb.append(',').append(k));
        figures.forEach(k -> sb.append(',').append(k));
        sb.append('\n');
        for (Row r : v.rows()) {
            sb.append(v.month()).append(',').append(v.asOf()).append(',').append(v.mode()).append(',').append(r.municipality()).append(",\"")
                    .append(r.name().replace("\"", "\"\"")).append("\",").append(r.sex());
            keys.forEach(k -> sb.append(',').append(r.indicators().get(k) == null ? "" : r.indicators().get(k).toPlainString()));
            figures.forEach(k -> sb.append(',').append(r.figures().get(k) == null ? "" : r.figures().get(k).toString()));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static YearMonth parseMonth(String s, ValidationFailedException.Collector v) {
        try {
            return s == null ? null : de.auseinerhand.servicekit.json.JsonHardening.parseMonth(s);
        } catch (DateTimeParseException e) {
            v.require(false, "month", "a month like 2026-03");
            return null;
        } finally {
            v.require(s != null, "month", "is required");
        }
    }

    private static LocalDate parseDate(String s, ValidationFailedException.Collector v) {
        try {
            return s == null ? null : de.auseinerhand.servicekit.json.JsonHardening.parseDate(s);
        } catch (DateTimeParseException e) {
            v.require(false, "asOf", "a date like 2026-05-31");
            return null;
        }
    }
}
