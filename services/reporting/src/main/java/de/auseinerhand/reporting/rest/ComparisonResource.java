package de.auseinerhand.reporting.rest;

import de.auseinerhand.reporting.indicators.IndicatorEngine;
import de.auseinerhand.reporting.indicators.IndicatorService;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The district among other agencies: import their published indicator values (CSV) and rank the
 * district within its comparison type and its state, with the gap to the averages. An agency has no
 * raw data of others, so this is the only way to compare (domain.md, "Comparison and ranking").
 */
@Path("/api/v1/comparisons")
@RolesAllowed({Roles.DISTRICT_ANALYST, Roles.DISTRICT_ADMIN})
@Tag(name = "Comparison", description = "Ranking of the district against published figures of other agencies")
@SecurityRequirement(name = "bearer")
public class ComparisonResource {
    static final Set<String> INDICATORS = Set.of("K1", "K1E1", "K1E2", "K1E3", "K1E4", "K2", "K2E1", "K2E2", "K2E3", "K2E4", "K3", "K3E1",
            "K3E2", "K3E3", "K3E4");
    static final String EXAMPLE = """
            agency_id,name,state,comparison_type,month,K1,K2,K3
            05962,Märkischer Kreis,NW,IIIb,2025-12,-3.1,24.9,-2.0
            05966,Kreis Olpe,NW,IIIa,2025-12,-5.2,27.3,-6.1
            09180,Landkreis Garmisch-Partenkirchen,BY,IIIb,2025-12,-1.0,29.8,1.2
            """;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    IndicatorService indicators;

    @Inject
    AuditTrail audit;

    @Inject
    SmallCounts small;

    @ConfigProperty(name = "aeh.reporting.agency.id")
    String ownId;

    @ConfigProperty(name = "aeh.reporting.agency.name")
    String ownName;

    @ConfigProperty(name = "aeh.reporting.agency.state")
    String ownState;

    @ConfigProperty(name = "aeh.reporting.agency.comparison-type")
    String ownType;

    public record ImportResult(UUID importId, int rows, int values) {
    }

    public record Agency(String agencyId, String name, String state, String comparisonType, BigDecimal value) {
    }

    public record Ranking(String group, int agencies, Integer rank, BigDecimal average, BigDecimal gapToAverage) {
    }

    public record Comparison(YearMonth month, String indicator, String mode, Agency district, Ranking comparisonType, Ranking state,
                             List<Agency> agencies) {
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Import published indicator values of other agencies (CSV, one row per agency and month)",
            description = "Columns agency_id, name, state, comparison_type, month and any of K1 … K3E4 (percent, one decimal; empty = not "
                    + "published). All rows or none are stored; errors name line and column.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "three agencies", value = EXAMPLE)))
    public ImportResult importCsv(String body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            throw ValidationFailedException.of("body", "a CSV file is required");
        }
        List<List<String>> records = ComparisonCsv.read(body);
        List<String> columns = new ArrayList<>();
        for (String h : records.get(0)) {
            columns.add(h.trim());
        }
        for (String required : ComparisonCsv.KEYS) {
            if (!columns.contains(required)) {
                errors.add(new FieldError("header", "column " + required + " is missing"));
            }
        }
        for (String c : columns) {
            if (!ComparisonCsv.KEYS.contains(c) && !INDICATORS.contains(c)) {
                errors.add(new FieldError("header." + (c.length() > 40 ? c.substring(0, 40) : c), "unknown column; indicators are K1 … K3E4"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        UUID importId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int values = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into cmp_figure values (?,?,?,?,?,?,?,?,?) on conflict (agency_id, month, indicator) do update set name = excluded.name,"
                        + " state = excluded.state, comparison_type = excluded.comparison_type, value = excluded.value,"
                        + " import_id = excluded.import_id, imported_at = excluded.imported_at")) {
            for (int n = 1; n < records.size(); n++) {
                List<String> cells = records.get(n);
                String at = "line " + (n + 1);
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() != columns.size()) {
                    errors.add(new FieldError(at, "has " + cells.size() + " cells, the header " + columns.size()));
                    continue;
                }
                String agency = cells.get(columns.indexOf("agency_id")).trim();
                String name = cells.get(columns.indexOf("name")).trim();
                String state = cells.get(columns.indexOf("state")).trim();
                String type = cells.get(columns.indexOf("comparison_type")).trim();
                String month = cells.get(columns.indexOf("month")).trim();
                int before = errors.size();
                require(errors, !agency.isEmpty() && agency.length() <= 40, at + ".agency_id", "1 to 40 characters");
                require(errors, !name.isEmpty() && name.length() <= 200, at + ".name", "1 to 200 characters");
                require(errors, !state.isEmpty() && state.length() <= 40, at + ".state", "1 to 40 characters");
                require(errors, !type.isEmpty() && type.length() <= 20, at + ".comparison_type", "1 to 20 characters");
                try {
                    YearMonth m = de.auseinerhand.servicekit.json.JsonHardening.parseMonth(month);
                    require(errors, m.getYear() >= 2005 && m.getYear() <= 2100, at + ".month", "a month from 2005 on");
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(at + ".month", "a month like 2025-12"));
                }
                if (errors.size() > before) {
                    continue;
                }
                for (int k = 0; k < columns.size(); k++) {
                    if (!INDICATORS.contains(columns.get(k)) || cells.get(k).isBlank()) {
                        continue;
                    }
                    // bounded before a BigDecimal is made: 1e1000000 would cost minutes in the comparison below
                    BigDecimal value = de.auseinerhand.servicekit.json.JsonHardening.parse(cells.get(k).trim());
                    if (value == null) {
                        errors.add(new FieldError(at + "." + columns.get(k), "a number in percent"));
                        continue;
                    }
                    if (value.abs().compareTo(new BigDecimal("10000")) >= 0) {
                        errors.add(new FieldError(at + "." + columns.get(k), "a percentage between -10000 and 10000"));
                        continue;
                    }
                    ps.setString(1, agency);
                    ps.setString(2, name);
                    ps.setString(3, state);
                    ps.setString(4, type);
                    ps.setString(5, month);
                    ps.setString(6, columns.get(k));
                    ps.setBigDecimal(7, value.setScale(1, RoundingMode.HALF_UP));
                    ps.setObject(8, importId);
                    ps.setTimestamp(9, now);
                    ps.addBatch();
                    values++;
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailedException(errors);
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing imported figures failed", e);
        }
        audit.record("import-comparison-figures", null, null);
        return new ImportResult(importId, records.size() - 1, values);
    }

    private static void require(List<FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }

    @GET
    @Path("/figures")
    @Produces("text/csv")
    @Operation(summary = "The imported figures of a month as CSV, in the import's own format (import it elsewhere, or again)")
    public Response exportCsv(@QueryParam("month") String month) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = CaseloadResource.month(month, "month", v);
        v.throwIfAny();
        Map<String, List<String>> agencies = new java.util.TreeMap<>();
        Map<String, Map<String, String>> values = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select agency_id, name, state, comparison_type, indicator, value from cmp_figure where month = ? order by agency_id, indicator")) {
            ps.setString(1, m.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    agencies.putIfAbsent(rs.getString(1), List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    values.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>()).put(rs.getString(5), rs.getBigDecimal(6).toPlainString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> indicators = INDICATORS.stream().sorted(ComparisonCsv.INDICATOR_ORDER).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(ComparisonCsv.KEYS);
        header.addAll(indicators);
        rows.add(header);
        agencies.forEach((id, keys) -> {
            List<String> row = new ArrayList<>(keys);
            row.add(m.toString());
            for (String k : indicators) {
                row.add(values.get(id).getOrDefault(k, ""));
            }
            rows.add(row);
        });
        return Response.ok(ComparisonCsv.write(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=comparison-figures-" + m + ".csv").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The district's value of an indicator against the imported agencies of its comparison type and its state")
    public Comparison compare(@QueryParam("month") String month, @QueryParam("indicator") String indicator, @QueryParam("asOf") String asOf,
            @QueryParam("mode") String mode) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = CaseloadResource.month(month, "month", v);
        LocalDate day = CaseloadResource.date(asOf, v);
        v.require(indicator != null && INDICATORS.contains(indicator), "indicator", "one of K1 … K3E4");
        v.require(mode == null || mode.equals("early") || mode.equals("final"), "mode", "early or final");
        v.throwIfAny();
        boolean official = !"early".equals(mode);
        IndicatorService.Result r = indicators.compute(m, day == null ? LocalDate.now(clock) : day, official);
        BigDecimal own = r.indicators().stream().filter(i -> i.municipality().equals(IndicatorEngine.DISTRICT) && i.sex().equals(IndicatorEngine.ALL))
                .findFirst().map(i -> small.ofUnit(i.current().elb, i.values().get(indicator))).orElse(null);
        Agency district = new Agency(ownId, ownName, ownState, ownType, own);
        List<Agency> others = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select agency_id, name, state, comparison_type, value from cmp_figure where month = ? and indicator = ? and agency_id <> ?"
                        + " order by agency_id")) {
            ps.setString(1, m.toString());
            ps.setString(2, indicator);
            ps.setString(3, ownId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    others.add(new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        boolean lowerIsBetter = IndicatorResource.LOWER_IS_BETTER.contains(indicator);
        return new Comparison(m, indicator, official ? "final" : "early", district,
                rank("comparison type " + ownType, district, others.stream().filter(a -> a.comparisonType().equals(ownType)).toList(), lowerIsBetter),
                rank("state " + ownState, district, others.stream().filter(a -> a.state().equals(ownState)).toList(), lowerIsBetter), others);
    }

    /** Rank 1 is the best value; the average and the gap include the district itself. */
    static Ranking rank(String group, Agency district, List<Agency> others, boolean lowerIsBetter) {
        List<Agency> all = new ArrayList<>(others);
        if (district.value() != null) {
            all.add(district);
        }
        if (all.isEmpty()) {
            return new Ranking(group, 0, null, null, null);
        }
        Comparator<BigDecimal> order = lowerIsBetter ? Comparator.naturalOrder() : Comparator.reverseOrder();
        all.sort(Comparator.comparing(Agency::value, order));
        BigDecimal sum = BigDecimal.ZERO;
        for (Agency a : all) {
            sum = sum.add(a.value());
        }
        BigDecimal average = sum.divide(BigDecimal.valueOf(all.size()), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
        Integer rank = district.value() == null ? null : all.indexOf(district) + 1;
        BigDecimal gap = district.value() == null ? null : district.value().subtract(average);
        return new Ranking(group, all.size(), rank, average, gap);
    }
}
