package de.auseinerhand.reporting.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Open cases and their members on the last day of the month, per municipality and for the district; counts below the "
        + "small-count threshold are null")
public record StocksView(YearMonth month, LocalDate referenceDate, Figures district, List<MunicipalityFigures> municipalities) {

    public record Figures(Long cases, Long persons) {
    }

    public record MunicipalityFigures(String ags, String name, Long cases, Long persons) {
    }
}
