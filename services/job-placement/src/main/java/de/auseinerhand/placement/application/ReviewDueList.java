package de.auseinerhand.placement.application;

import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Cooperation plans due for review (§ 15(3) SGB II: at the latest every six months) in the caller's
 * municipalities, optionally of one placement case worker; keyset-paged by (review date, person).
 */
@ApplicationScoped
public class ReviewDueList {

    @Inject
    DataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    public record Due(String caseId, UUID personId, UUID planId, LocalDate reviewBy, boolean disputeRunning,
            String municipality, String caseworkerId) {
    }

    public record Page(List<Due> items, String nextCursor) {
    }

    @Transactional
    public Page dueBy(LocalDate dueBy, String caseworkerId, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select p.case_id, p.person_id, p.plan_id, p.review_by, p.dispute_started_on, "
                + "k.municipality, cw.caseworker_id from jp_plan p join known_case k on k.case_id = p.case_id "
                + "left join jp_case_caseworker cw on cw.case_id = p.case_id where k.closed_on is null and p.review_by <= ?");
        List<Object> args = new ArrayList<>();
        args.add(dueBy);
        if (!caller.isDistrictWide()) {
            sql.append(" and k.municipality = any(?)");
            args.add(caller.municipalities().toArray(new String[0]));
        }
        if (caseworkerId != null) {
            sql.append(" and cw.caseworker_id = ?");
            args.add(caseworkerId);
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                args.add(LocalDate.parse(parts[0]));
                args.add(UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ValidationFailedException.of("cursor", "is not a cursor of this API");
            }
            sql.append(" and (p.review_by, p.person_id) > (?, ?)");
        }
        sql.append(" order by p.review_by, p.person_id limit ?");
        args.add(limit + 1);
        List<Due> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof String[] arr) {
                    ps.setArray(i + 1, c.createArrayOf("text", arr));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Due(rs.getString(1), (UUID) rs.getObject(2), (UUID) rs.getObject(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5) != null, rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the due list failed", e);
        }
        String next = null;
        if (items.size() > limit) {
            items = new ArrayList<>(items.subList(0, limit));
            Due last = items.get(items.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.reviewBy() + "|" + last.personId()).getBytes(StandardCharsets.UTF_8));
        }
        for (Due d : items) {
            audit.record("read-review-due-list", d.caseId(), d.personId());
        }
        return new Page(items, next);
    }
}
