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

    /**
     * From the indicator facts as known now: a case counts for the municipality responsible at the
     * reference date if it was opened by then and not closed on or before it; a person counts for the
     * case their latest membership change up to that date joined them to.
     */
    private static final String SQL = """
            with residence as (
                select distinct on (case_id) case_id, municipality
                  from rp_residence
                 where effective_from <= ?
                 order by case_id, effective_from desc, recorded_at desc, event_id
            ), members as (
                select case_id, count(*) as persons
                  from (select distinct on (person_id) person_id, case_id, change
                          from rp_membership
                         where effective <= ?
                         order by person_id, effective desc, recorded_at desc, event_id) latest
                 where change = 'JOIN'
                 group by case_id
            )
            select r.municipality, count(*), coalesce(sum(m.persons), 0)
              from residence r
              left join members m on m.case_id = r.case_id
             where not exists (select 1 from rp_case_closure k where k.case_id = r.case_id and k.closed_on <= ?)
             group by r.municipality
            """;


    @Inject
    AgroalDataSource dataSource;

    @Inject
    District district;

    @Inject
    SmallCounts small;

    public StocksView at(YearMonth month) {
        LocalDate ref = month.atEndOfMonth();
        Map<String, long[]> byMunicipality = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            // Every step is a set operation over all cases; right after a burst of events the planner's
            // statistics lag and it may pick a nested loop over two unindexed sets (quadratic). Not here.
            c.setAutoCommit(false);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("set local enable_nestloop = off");
            }
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                Date d = Date.valueOf(ref);
                for (int i = 1; i <= 3; i++) {
                    ps.setDate(i, d);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byMunicipality.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stock query failed", e);
        }
        List<StocksView.MunicipalityFigures> rows = new ArrayList<>();
        long cases = 0;
        long persons = 0;
        for (Municipality m : district.municipalities()) {
            long[] f = byMunicipality.getOrDefault(m.ags(), new long[2]);
            rows.add(new StocksView.MunicipalityFigures(m.ags(), m.name(), small.count(f[0]), small.count(f[1])));
            cases += f[0];
            persons += f[1];
        }
        return new StocksView(month, ref, new StocksView.Figures(small.count(cases), small.count(persons)), rows);
    }
}
