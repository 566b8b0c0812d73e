package de.auseinerhand.reporting.rest;

import de.auseinerhand.reporting.indicators.IndicatorEngine;
import de.auseinerhand.reporting.indicators.IndicatorService;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Caseloads and indicator time series for analysts and team leads (aggregates only, pseudonymous staff ids). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DISTRICT_ANALYST, Roles.DISTRICT_ADMIN, Roles.TEAM_LEAD})
@Tag(name = "Indicators", description = "Official indicators K1-K3 (§ 48a SGB II)")
@SecurityRequirement(name = "bearer")
public class CaseloadResource {

    @Inject
    Clock clock;

    @Inject
    IndicatorService indicators;

    @Inject
    SmallCounts small;

    @GET
    @Path("/caseloads")
    @Operation(summary = "eLb per case worker and function in a month against the reference ratios 1:75 (under 25) and 1:150 (25+)")
    public List<IndicatorService.Caseload> caseloads(@QueryParam("month") String month, @QueryParam("asOf") String asOf,
            @QueryParam("function") String function) {
        ValidationFailedException.Collector v = new ValidationFailedException.Collector();
        YearMonth m = month(month, "month", v);
        LocalDate day = date(asOf, v);
        v.require(function == null || List.of("BENEFITS", "PLACEMENT", "CASE_MANAGEMENT").contains(function), "function",
                "BENEFITS, PLACEMENT or CASE_MANAGEMENT");
        v.throwIfAny();
        return indicators.caseloads(m, day == null ? LocalDate.now(clock) : day, function == null ? "PLACEMENT" : function).stream()
                .map(this::suppressed).toList();
    }

    /**
     * Small counts of a case worker's load are null; when one age group is suppressed, the other and the
     * utilisation (from which it could be computed back) are too, and the total is shown only when it is
     * not small itself.
     */
    private IndicatorService.Caseload suppressed(IndicatorService.Caseload c) {
        boolean partSmall = small.small(c.elbUnder25()) || small.small(c.elb25Plus());
        long total = c.elbUnder25() + c.elb25Plus();
        return new IndicatorService.Caseload(c.caseworkerId(), c.function(), small.count(c.cases()),
                partSmall ? null : c.elbUnder25(), partSmall ? null : c.elb25Plus(),
                small.small(total) ? null : c.referenceCapacity(), partSmall ? null : c.utilisation());
    }

    static YearMonth month(String s, String field, ValidationFailedException.Collector v) {
        v.require(s != null, field, "is required");
        try {
            return s == null ? null : de.auseinerhand.servicekit.json.JsonHardening.parseMonth(s);
        } catch (DateTimeParseException e) {
            v.require(false, field, "a month like 2026-03");
            return null;
        }
    }

    static LocalDate date(String s, ValidationFailedException.Collector v) {
        try {
            return s == null ? null : de.auseinerhand.servicekit.json.JsonHardening.parseDate(s);
        } catch (DateTimeParseException e) {
            v.require(false, "asOf", "a date like 2026-03-31");
            return null;
        }
    }
}
