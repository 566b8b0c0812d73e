package de.auseinerhand.registry.application;

import de.auseinerhand.registry.infrastructure.CaseDirectory;
import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.reference.District;
import de.auseinerhand.servicekit.reference.Municipality;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.OperationPolicy;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Search for persons within the caller's municipalities by name (prefix, umlauts folded), birth date,
 * customer number or case worker; keyset (cursor) pagination on (name, person id). Every hit is a read
 * of personal data and is audited.
 */
@ApplicationScoped
public class PersonSearch {

    public static final int MAX_LIMIT = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    District district;

    @Inject
    AuditTrail audit;

    @Inject
    OperationPolicy policy;

    public record Criteria(String lastName, String firstName, LocalDate birthDate, String customerNumber,
            String caseworker) {
        boolean isEmpty() {
            return blank(lastName) && blank(firstName) && birthDate == null && blank(customerNumber) && blank(caseworker);
        }
    }

    public record Hit(UUID personId, String caseId, String municipality, String role, String firstName,
            String lastName, LocalDate birthDate, String customerNumber, boolean currentMember, String caseStatus) {
    }

    public record Page(List<Hit> items, String nextCursor) {
    }

    @Transactional
    public Page search(Criteria c, int limit, String cursor) {
        policy.check("search");
        if (c.isEmpty()) {
            throw ValidationFailedException.of("lastName", "give at least one of lastName, firstName, birthDate, customerNumber, caseworker");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationFailedException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String[] after = decode(cursor);
        List<String> scope = caller.isDistrictWide()
                ? district.municipalities().stream().map(Municipality::ags).toList()
                : List.copyOf(caller.municipalities());
        StringBuilder sql = new StringBuilder("""
                select p.person_id, p.case_id, p.municipality, p.role, p.first_name, p.last_name, p.birth_date,
                       p.customer_number, p.current_member, d.status, p.search_name
                  from person_directory p join case_directory d on d.case_id = p.case_id
                 where p.municipality = any(?) and not p.erased and p.search_name is not null
                """);
        List<Object> args = new ArrayList<>();
        if (!blank(c.lastName())) {
            // a prefix as a range in code-point order ("C"), which the name indexes serve even in a generic plan
            String prefix = CaseDirectory.searchName(c.lastName()).trim();
            if (prefix.isEmpty()) {
                throw ValidationFailedException.of("lastName", "must contain a letter or a digit");
            }
            sql.append(" and p.search_name collate \"C\" >= ? and p.search_name collate \"C\" < ?");
            args.add(prefix);
            args.add(prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
        if (!blank(c.firstName())) {
            sql.append(" and p.search_name like ?");
            args.add("% " + CaseDirectory.searchName(c.firstName()) + "%");
        }
        if (c.birthDate() != null) {
            sql.append(" and p.birth_date = ?");
            args.add(Date.valueOf(c.birthDate()));
        }
        if (!blank(c.customerNumber())) {
            sql.append(" and p.customer_number = ?");
            args.add(c.customerNumber().trim().toUpperCase());
        }
        if (!blank(c.caseworker())) {
            sql.append(" and ? in (d.benefits_caseworker, d.placement_caseworker, d.case_manager)");
            args.add(c.caseworker().trim());
        }
        if (after != null) {
            sql.append(" and (p.search_name collate \"C\", p.person_id) > (?, ?)");
            args.add(after[0]);
            args.add(UUID.fromString(after[1]));
        }
        sql.append(" order by p.search_name collate \"C\", p.person_id limit ?");
        args.add(limit + 1);
        List<Hit> hits = new ArrayList<>();
        String lastKey = null;
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            Array municipalities = conn.createArrayOf("text", scope.toArray());
            ps.setArray(1, municipalities);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 2, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && hits.size() < limit + 1) {
                    Date born = rs.getDate(7);
                    hits.add(new Hit((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), born == null ? null : born.toLocalDate(), rs.getString(8),
                            rs.getBoolean(9), rs.getString(10)));
                    if (hits.size() == limit) {
                        lastKey = encode(rs.getString(11), (UUID) rs.getObject(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("person search failed", e);
        }
        String next = null;
        if (hits.size() > limit) {
            hits = hits.subList(0, limit);
            next = lastKey;
        }
        audit.recordAll("search-hit", hits.stream().map(h -> new AuditTrail.Subject(h.caseId(), h.personId())).toList());
        return new Page(hits, next);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String encode(String name, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((name + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\u0000", 2);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw ValidationFailedException.of("cursor", "is not a cursor returned by this API");
        }
    }
}
