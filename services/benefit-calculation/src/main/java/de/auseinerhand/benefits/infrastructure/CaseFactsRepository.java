package de.auseinerhand.benefits.infrastructure;

import de.auseinerhand.benefits.domain.decision.CaseFacts;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.IncomeKind;
import de.auseinerhand.events.registry.PersonRole;
import de.auseinerhand.registryview.KnownCase;
import de.auseinerhand.registryview.KnownPerson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads a case's facts (registry view + the facts tables) in one connection. */
@ApplicationScoped
public class CaseFactsRepository {

    @Inject
    DataSource dataSource;

    /**
     * The facts of a case, or null if the registry's opening of it has not arrived. The registry view
     * ({@code known_case}, {@code known_person}) is read through its entities, the one path by which
     * libs/registry-view also writes it: a query flushes what the projection changed earlier in the same
     * transaction (a member who left a moment ago is gone from the household computed now). The facts
     * tables ({@code bf_*}) are this service's own and plain JDBC, written and read only here.
     */
    public CaseFacts load(String caseId) {
        KnownCase known = KnownCase.findById(caseId);
        if (known == null) {
            return null;
        }
        LocalDate opened = known.openedOn;
        LocalDate closed = known.closedOn;
        List<KnownPerson> people = KnownPerson.list("caseId = ?1 order by joinedOn, personId", caseId);
        try (Connection c = dataSource.getConnection()) {
            List<CaseFacts.MunicipalityFrom> municipalities = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select effective_from, municipality, recorded_at from bf_case_municipality where case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        municipalities.add(new CaseFacts.MunicipalityFrom(rs.getObject(1, LocalDate.class), rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
            }
            java.util.Map<UUID, List<CaseFacts.EmployabilityFact>> employability = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select person_id, registration, employable, effective_from, recorded_at"
                    + " from bf_employability where case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        employability.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CaseFacts.EmployabilityFact(
                                rs.getBoolean(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            List<CaseFacts.PersonFact> persons = new ArrayList<>();
            for (KnownPerson p : people) {
                persons.add(new CaseFacts.PersonFact(p.personId, PersonRole.valueOf(p.role), YearMonth.parse(p.birthYearMonth), p.employable,
                        p.singleParent, p.joinedOn, p.leftOn, employability.getOrDefault(p.personId, List.of())));
            }
            List<CaseFacts.IncomeFact> incomes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select person_id, kind, from_month, to_month, gross, net, social_contributions,"
                    + " recorded_at from bf_income where case_id = ? order by recorded_at")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        incomes.add(new CaseFacts.IncomeFact(rs.getObject(1, UUID.class), IncomeKind.valueOf(rs.getString(2)),
                                YearMonth.parse(rs.getString(3)), rs.getString(4) == null ? null : YearMonth.parse(rs.getString(4)),
                                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getTimestamp(8).toInstant()));
                    }
                }
            }
            List<CaseFacts.HousingFact> housing = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select effective_from, rent, heating, utilities, household_size, recorded_at"
                    + " from bf_housing where case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        housing.add(new CaseFacts.HousingFact(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getInt(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
            List<CaseFacts.AssetFact> assets = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select person_id, kind, value, effective_from, recorded_at from bf_asset"
                    + " where case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assets.add(new CaseFacts.AssetFact(rs.getObject(1, UUID.class), AssetKind.valueOf(rs.getString(2)),
                                rs.getBigDecimal(3), rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return new CaseFacts(caseId, opened, closed, municipalities, persons, incomes, housing, assets);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the facts of " + caseId + " failed", e);
        }
    }
}
