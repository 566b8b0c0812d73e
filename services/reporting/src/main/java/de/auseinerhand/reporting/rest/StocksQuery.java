package de.auseinerhand.reporting.rest;

import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stock of open cases and members at the end of a month (Stichtag), by responsible municipality. */
@ApplicationScoped
public class StocksQuery {

    private static final String SQL = """
            with open_case as (
                select c.case_id,
                       (select r.municipality from stock_case_residence r
                         where r.case_id = c.case_id and r.effective_from <= ?
                         order by r.effective_from desc limit 1) as municipality
                  from stock_case c
                 where c.opened_on <= ? and (c.closed_on is null or c.closed_on > ?)
            )
            select oc.municipality, count(distinct oc.case_id), count(p.person_id)
              from open_case oc
              left join stock_person p on p.case_id = oc.case_id and p.joined_on <= ? and (p.left_on is null or p.left_on > ?)
             group by oc.municipality
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    District district;

    public StocksView at(YearMonth month) {
        LocalDate ref = month.atEndOfMonth();
        Map<String, long[]> byMunicipality = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            Date d = Date.valueOf(ref);
            for (int i = 1; i <= 5; i++) {
                ps.setDate(i, d);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMunicipality.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stock query failed", e);
        }
        List<StocksView.MunicipalityFigures> rows = new ArrayList<>();
        long cases = 0;
        long persons = 0;
        for (Municipality m : district.municipalities()) {
            long[] f = byMunicipality.getOrDefault(m.ags(), new long[2]);
            rows.add(new StocksView.MunicipalityFigures(m.ags(), m.name(), f[0], f[1]));
            cases += f[0];
            persons += f[1];
        }
        return new StocksView(month, ref, new StocksView.Figures(cases, persons), rows);
    }
}
