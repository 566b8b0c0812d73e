package de.auseinerhand.benefits.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Adds the facts a recomputation needs (registry view, housing, employability, one sheet row per month) to seeded cases. */
public final class ImpactSeed {
    private ImpactSeed() {
    }

    public static void facts(DataSource ds, List<String> caseIds, YearMonth from, int months) {
        for (int i = 0; i < caseIds.size(); i += 500) {
            List<String> batch = caseIds.subList(i, Math.min(caseIds.size(), i + 500));
            int offset = i;
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = ds.getConnection();
                        PreparedStatement person = c.prepareStatement("insert into known_person (person_id, case_id, role, birth_year_month, sex,"
                                + " employable, single_parent, joined_on) values (?,?,?,?,?,?,?,?)");
                        PreparedStatement employability = c.prepareStatement("insert into bf_employability (event_id, case_id, person_id,"
                                + " registration, employable, effective_from, recorded_at) values (?,?,?,true,?,?, now())");
                        PreparedStatement municipality = c.prepareStatement("insert into bf_case_municipality (event_id, case_id, effective_from,"
                                + " municipality, recorded_at) values (?,?,?,'05958032', now())");
                        PreparedStatement housing = c.prepareStatement("insert into bf_housing (event_id, case_id, effective_from, rent, heating,"
                                + " utilities, household_size, recorded_at) values (?,?,?,?,?,0,2, now())");
                        PreparedStatement asset = c.prepareStatement("insert into bf_asset (event_id, case_id, person_id, kind, value, effective_from,"
                                + " recorded_at) values (?,?,?,'BANK_ACCOUNT',?,?, now())");
                        PreparedStatement sheet = c.prepareStatement("insert into decision_sheet (decision_id, month, version, case_id, recorded_at,"
                                + " sheet) values (?,?,2,?, now(), '{\"ruleSet\": \"2026-01\"}'::jsonb)")) {
                    for (int k = 0; k < batch.size(); k++) {
                        String id = batch.get(k);
                        int n = offset + k;
                        UUID head = UUID.randomUUID();
                        UUID child = UUID.randomUUID();
                        for (UUID p : List.of(head, child)) {
                            boolean isHead = p.equals(head);
                            person.setObject(1, p);
                            person.setString(2, id);
                            person.setString(3, isHead ? "HEAD" : "CHILD");
                            person.setString(4, isHead ? YearMonth.of(1960 + n % 40, 1 + n % 12).toString() : YearMonth.of(2016, 3).toString());
                            person.setString(5, n % 2 == 0 ? "FEMALE" : "MALE");
                            person.setBoolean(6, isHead);
                            person.setBoolean(7, isHead);
                            person.setObject(8, from.atDay(1));
                            person.addBatch();
                            employability.setObject(1, UUID.randomUUID());
                            employability.setString(2, id);
                            employability.setObject(3, p);
                            employability.setBoolean(4, isHead);
                            employability.setObject(5, from.atDay(1));
                            employability.addBatch();
                        }
                        municipality.setObject(1, UUID.randomUUID());
                        municipality.setString(2, id);
                        municipality.setObject(3, from.atDay(1));
                        municipality.addBatch();
                        housing.setObject(1, UUID.randomUUID());
                        housing.setString(2, id);
                        housing.setObject(3, from.atDay(1));
                        housing.setBigDecimal(4, new java.math.BigDecimal(300 + n % 500));
                        housing.setBigDecimal(5, new java.math.BigDecimal(60 + n % 90));
                        housing.addBatch();
                        if (n % 3 == 0) {
                            asset.setObject(1, UUID.randomUUID());
                            asset.setString(2, id);
                            asset.setObject(3, head);
                            asset.setBigDecimal(4, new java.math.BigDecimal(2_000 + n % 25_000));
                            asset.setObject(5, from.atDay(1));
                            asset.addBatch();
                        }
                        for (int m = 0; m < months; m++) {
                            sheet.setObject(1, UUID.nameUUIDFromBytes(id.getBytes()));
                            sheet.setString(2, from.plusMonths(m).toString());
                            sheet.setString(3, id);
                            sheet.addBatch();
                        }
                    }
                    person.executeBatch();
                    employability.executeBatch();
                    municipality.executeBatch();
                    housing.executeBatch();
                    asset.executeBatch();
                    sheet.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
