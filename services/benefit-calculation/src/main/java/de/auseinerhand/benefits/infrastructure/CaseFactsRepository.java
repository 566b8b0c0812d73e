package de.auseinerhand.benefits.infrastructure;

import de.auseinerhand.benefits.domain.decision.CaseFacts;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.registry.AssetKind;
import de.auseinerhand.events.registry.HealthFacts;
import de.auseinerhand.servicekit.keys.PersonKeys;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads cases' facts: the registry view ({@code known_case}, {@code known_person}) through its entities,
 * the one path by which libs/registry-view also writes it (a query flushes what the projection changed
 * earlier in the same transaction: a member who left a moment ago is gone from the household computed
 * now); the facts tables ({@code bf_*}), this service's own, with plain JDBC, one statement per table for
 * any number of cases.
 */
@ApplicationScoped
public class CaseFactsRepository {
    private static final int CHUNK = 1_000;

    @Inject
    DataSource dataSource;

    @Inject
    PersonKeys keys;

    /** The facts of a case, or null if the registry's opening of it has not arrived. */
    public CaseFacts load(String caseId) {
        return loadAll(List.of(caseId)).get(caseId);
    }

    /** The facts of many cases (those whose opening has arrived), read in chunks of {@value #CHUNK} cases. */
    public Map<String, CaseFacts> loadAll(Collection<String> caseIds) {
        Map<String, CaseFacts> out = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(caseIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.putAll(chunk(ids.subList(i, Math.min(ids.size(), i + CHUNK))));
        }
        return out;
    }

    private Map<String, CaseFacts> chunk(List<String> ids) {
        List<KnownCase> known = KnownCase.list("caseId in ?1", ids);
        if (known.isEmpty()) {
            return Map.of();
        }
        Map<String, List<KnownPerson>> people = new HashMap<>();
        for (KnownPerson p : KnownPerson.<KnownPerson>list("caseId in ?1 order by joinedOn, personId", ids)) {
            people.computeIfAbsent(p.caseId, k -> new ArrayList<>()).add(p);
        }
        Map<String, List<CaseFacts.MunicipalityFrom>> municipalities = new HashMap<>();
        Map<UUID, List<CaseFacts.EmployabilityFact>> employability = new HashMap<>();
        Map<String, List<CaseFacts.IncomeFact>> incomes = new HashMap<>();
        Map<String, List<CaseFacts.HousingFact>> housing = new HashMap<>();
        Map<String, List<CaseFacts.AssetFact>> assets = new HashMap<>();
        List<CaseFacts.CircumstanceFact> circumstanceRows = new ArrayList<>();
        List<String> circumstanceCase = new ArrayList<>();
        List<Map.Entry<UUID, EncryptedPii>> sealedHealth = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array any = c.createArrayOf("text", ids.toArray());
            query(c, "select case_id, effective_from, municipality, recorded_at from bf_case_municipality where case_id = any (?)", any,
                    rs -> municipalities.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CaseFacts.MunicipalityFrom(
                            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getTimestamp(4).toInstant())));
            query(c, "select person_id, registration, employable, effective_from, recorded_at from bf_employability where case_id = any (?)", any,
                    rs -> employability.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CaseFacts.EmployabilityFact(
                            rs.getBoolean(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant())));
            query(c, "select case_id, person_id, kind, from_month, to_month, gross, net, social_contributions, recorded_at, earned_before_birth"
                    + " from bf_income"
                    + " where case_id = any (?) order by recorded_at", any,
                    rs -> incomes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CaseFacts.IncomeFact(rs.getObject(2, UUID.class),
                            IncomeKind.valueOf(rs.getString(3)), YearMonth.parse(rs.getString(4)),
                            rs.getString(5) == null ? null : YearMonth.parse(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getTimestamp(9).toInstant(), rs.getBoolean(10))));
            query(c, "select case_id, effective_from, rent, heating, utilities, household_size, recorded_at, decentral_hot_water from bf_housing"
                    + " where case_id = any (?)", any,
                    rs -> housing.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CaseFacts.HousingFact(
                            rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6),
                            rs.getTimestamp(7).toInstant(), rs.getBoolean(8))));
            query(c, "select case_id, person_id, effective_from, parent_ids, single_parent, in_education, moved_out_without_consent,"
                    + " minor_child_outside_case, health_key_id, health_alg, health_ciphertext, recorded_at from bf_circumstances"
                    + " where case_id = any (?)", any, rs -> {
                        UUID person = rs.getObject(2, UUID.class);
                        sealedHealth.add(new java.util.AbstractMap.SimpleEntry<>(person, rs.getString(9) == null ? null
                                : new EncryptedPii(rs.getString(9), rs.getString(10), rs.getString(11))));
                        Boolean single = rs.getObject(5, Boolean.class);
                        circumstanceRows.add(new CaseFacts.CircumstanceFact(person, rs.getObject(3, LocalDate.class),
                                List.of((UUID[]) rs.getArray(4).getArray()), single, rs.getBoolean(6), rs.getBoolean(7),
                                rs.getBoolean(8), null, rs.getTimestamp(12).toInstant()));
                        circumstanceCase.add(rs.getString(1));
                    });
            query(c, "select case_id, person_id, kind, value, effective_from, recorded_at, owner_occupied, living_space, house,"
                    + " recognised_pension_provision from bf_asset where case_id = any (?)", any,
                    rs -> assets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CaseFacts.AssetFact(rs.getObject(2, UUID.class),
                            AssetKind.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getObject(5, LocalDate.class),
                            rs.getTimestamp(6).toInstant(), rs.getBoolean(7), (Integer) rs.getObject(8), rs.getBoolean(9), rs.getBoolean(10))));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the facts of " + ids.size() + " cases failed", e);
        }
        // health facts: decrypted here for this calculation only (one key lookup for the chunk); none once the key is erased
        List<HealthFacts> health = keys.decryptEach(sealedHealth, HealthFacts.class);
        Map<String, List<CaseFacts.CircumstanceFact>> circumstances = new HashMap<>();
        for (int i = 0; i < circumstanceRows.size(); i++) {
            CaseFacts.CircumstanceFact f = circumstanceRows.get(i);
            circumstances.computeIfAbsent(circumstanceCase.get(i), k -> new ArrayList<>()).add(new CaseFacts.CircumstanceFact(f.personId(),
                    f.effectiveFrom(), f.parentIds(), f.singleParent(), f.inEducation(), f.movedOutWithoutConsent(), f.minorChildOutsideCase(),
                    health.get(i), f.recordedAt()));
        }
        Map<String, CaseFacts> out = new LinkedHashMap<>();
        for (KnownCase k : known) {
            List<CaseFacts.PersonFact> persons = new ArrayList<>();
            for (KnownPerson p : people.getOrDefault(k.caseId, List.of())) {
                persons.add(new CaseFacts.PersonFact(p.personId, PersonRole.valueOf(p.role), YearMonth.parse(p.birthYearMonth), p.employable,
                        p.singleParent, p.joinedOn, p.leftOn, employability.getOrDefault(p.personId, List.of())));
            }
            out.put(k.caseId, new CaseFacts(k.caseId, k.openedOn, k.closedOn, municipalities.getOrDefault(k.caseId, List.of()), persons,
                    incomes.getOrDefault(k.caseId, List.of()), housing.getOrDefault(k.caseId, List.of()), assets.getOrDefault(k.caseId, List.of()),
                    circumstances.getOrDefault(k.caseId, List.of())));
        }
        return out;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, java.sql.Array ids, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
