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
import java.util.ArrayList;
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

    private final List<MappingVersion> mapping = loadMapping();

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
        Instant cutoff = asOf.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant waitingEnd = month.plusMonths(3).atEndOfMonth().plusDays(1).atStartOfDay(ZONE).toInstant();
        boolean isFinal = !cutoff.isBefore(waitingEnd);
        if (official && isFinal) {
            cutoff = waitingEnd;
        }
        MappingVersion m = mappingFor(month);
        List<String> municipalities = district.municipalities().stream().map(Municipality::ags).toList();
        List<IndicatorEngine.Indicators> rows = new IndicatorEngine(m.legalBases()).compute(facts.knownAt(cutoff), month, municipalities);
        return new Result(month, asOf, official ? "final" : "early", cutoff, isFinal, m.version(), rows);
    }

    MappingVersion mappingFor(YearMonth month) {
        MappingVersion found = mapping.get(0);
        for (MappingVersion v : mapping) {
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
