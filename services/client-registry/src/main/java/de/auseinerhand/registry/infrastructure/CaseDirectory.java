package de.auseinerhand.registry.infrastructure;

import de.auseinerhand.events.registry.CaseworkerFunction;
import de.auseinerhand.registry.domain.CaseState;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry's search directory, refreshed in the same transaction as every append, so a search
 * never disagrees with the case it finds.
 */
@ApplicationScoped
public class CaseDirectory {

    @Inject
    AgroalDataSource dataSource;

    /** Where a person is now: their case and whether they are a current member of it. */
    public record Placement(String caseId, String municipality, boolean currentMember, boolean caseOpen) {
    }

    /** A case linked to a citizen's account, as the citizen's list shows it. */
    public record CitizenCase(String caseId, String municipality, String status, java.time.LocalDate openedOn,
            java.time.LocalDate closedOn) {
    }

    /** The cases linked to the citizen's account, newest first. */
    public java.util.List<CitizenCase> casesOf(String citizenId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select d.case_id, d.municipality, d.status, d.opened_on, d.closed_on from citizen_directory l
                join case_directory d on d.case_id = l.case_id where l.citizen_id = ? order by d.opened_on desc, d.case_id
                """)) {
            ps.setString(1, citizenId);
            java.util.List<CitizenCase> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date closed = rs.getDate(5);
                    out.add(new CitizenCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            closed == null ? null : closed.toLocalDate()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the citizen's cases failed", e);
        }
    }

    /** Whether an open case is linked to the citizen's account. */
    public boolean hasOpenCaseOf(String citizenId) {
        return casesOf(citizenId).stream().anyMatch(c -> "OPEN".equals(c.status()));
    }

    /**
     * Writes the case's directory rows; the citizens linked to it only when {@code citizensChanged} (an append that linked
     * or unlinked one), so that the other commands pay no statement for them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(CaseState s, long version, boolean citizensChanged) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into case_directory (case_id, municipality, status, opened_on, closed_on,
                        benefits_caseworker, placement_caseworker, case_manager, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (case_id) do update set municipality = excluded.municipality, status = excluded.status,
                        opened_on = excluded.opened_on, closed_on = excluded.closed_on,
                        benefits_caseworker = excluded.benefits_caseworker,
                        placement_caseworker = excluded.placement_caseworker,
                        case_manager = excluded.case_manager, version = excluded.version
                    """)) {
                ps.setString(1, s.caseId());
                ps.setString(2, s.municipality());
                ps.setString(3, s.isOpen() ? "OPEN" : "CLOSED");
                ps.setDate(4, Date.valueOf(s.openedOn()));
                ps.setDate(5, s.closedOn() == null ? null : Date.valueOf(s.closedOn()));
                ps.setString(6, s.caseworkers().get(CaseworkerFunction.BENEFITS));
                ps.setString(7, s.caseworkers().get(CaseworkerFunction.PLACEMENT));
                ps.setString(8, s.caseworkers().get(CaseworkerFunction.CASE_MANAGEMENT));
                ps.setLong(9, version);
                ps.executeUpdate();
            }
            if (citizensChanged) {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from citizen_directory where case_id = ? and not (citizen_id = any (?))")) {
                    ps.setString(1, s.caseId());
                    ps.setArray(2, c.createArrayOf("text", s.citizens().toArray()));
                    ps.executeUpdate();
                }
                for (String citizen : s.citizens()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into citizen_directory (citizen_id, case_id) values (?, ?) on conflict do nothing")) {
                        ps.setString(1, citizen);
                        ps.setString(2, s.caseId());
                        ps.executeUpdate();
                    }
                }
            }
            for (CaseState.Member m : s.members().values()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into person_directory (person_id, case_id, municipality, role, customer_number,
                            current_member, erased)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id) do update set municipality = excluded.municipality,
                            role = excluded.role, customer_number = excluded.customer_number,
                            current_member = excluded.current_member, erased = excluded.erased
                        where person_directory.case_id = excluded.case_id
                        """)) {
                    ps.setObject(1, m.personId());
                    ps.setString(2, s.caseId());
                    ps.setString(3, s.municipality());
                    ps.setString(4, m.role().name());
                    ps.setString(5, m.customerNumber());
                    ps.setBoolean(6, m.isCurrent());
                    ps.setBoolean(7, m.erased());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("refreshing the case directory failed", e);
        }
    }

    /** Moves a person's directory row to {@code caseId} (a registration in a new case) and stores the searchable names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placePerson(UUID personId, String caseId, String municipality, String role, PersonalData data,
            String customerNumber) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into person_directory (person_id, case_id, municipality, role, first_name, last_name,
                    search_name, birth_date, customer_number, current_member)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                on conflict (person_id) do update set case_id = excluded.case_id, municipality = excluded.municipality,
                    role = excluded.role, first_name = excluded.first_name, last_name = excluded.last_name,
                    search_name = excluded.search_name, birth_date = excluded.birth_date,
                    customer_number = excluded.customer_number, current_member = true
                """)) {
            ps.setObject(1, personId);
            ps.setString(2, caseId);
            ps.setString(3, municipality);
            ps.setString(4, role);
            ps.setString(5, data.firstName());
            ps.setString(6, data.lastName());
            ps.setString(7, searchName(data.lastName()) + " " + searchName(data.firstName()));
            ps.setDate(8, Date.valueOf(data.birthDate()));
            ps.setString(9, customerNumber);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("placing a person in the directory failed", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID personId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update person_directory set first_name = null, last_name = null, search_name = null, birth_date = null, "
                        + "erased = true where person_id = ?")) {
            ps.setObject(1, personId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("erasing a person from the directory failed", e);
        }
    }

    public Optional<Placement> placementOf(UUID personId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select p.case_id, p.municipality, p.current_member, d.status = 'OPEN'
                  from person_directory p join case_directory d on d.case_id = p.case_id
                 where p.person_id = ?
                """)) {
            ps.setObject(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Placement(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the person directory failed", e);
        }
    }

    /** Lower case, umlauts and accents folded (Müller = Mueller = Muller is not attempted: ü → ue). */
    public static String searchName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.trim().toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.replaceAll("[^a-z0-9 -]", "").replaceAll("\\s+", " ");
    }
}
