package de.auseinerhand.registry.casefile;

import de.auseinerhand.servicekit.audit.AuditTrail;
import de.auseinerhand.servicekit.problem.ValidationFailedException;
import de.auseinerhand.servicekit.security.Caller;
import de.auseinerhand.servicekit.security.OperationPolicy;
import de.auseinerhand.servicekit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The worklist (issue 16 §1): the items due on the cases of a case worker (by default the caller: their user name is
 * the case-worker id the assignments use) or, for a team lead, of their team, sorted by due date, keyset-paged. Scoped to
 * the caller's municipalities like every read; the items carry no personal data beyond the person's id.
 */
@ApplicationScoped
public class Worklist {
    static final Set<String> KINDS = Set.of("FOUR_EYES_PENDING", "CONTINUATION_DUE", "FINAL_DECISION_DUE", "REDUCTION_DECISION_DUE", "REDUCTION_ENDING",
            "PLAN_REVIEW_DUE", "MEASURE_ENDING", "INTEGRATION_CHECK_DUE", "PROFILE_MISSING", "PLAN_MISSING");
    static final Set<String> FUNCTIONS = Set.of("BENEFITS", "PLACEMENT", "CASE_MANAGEMENT");
    static final int MAX_LIMIT = 200;

    @Inject
    DataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    OperationPolicy policy;

    public record Item(String caseId, String municipality, String kind, String function, UUID personId, LocalDate dueOn, String detail,
            boolean overdue, String fileHref) {
    }

    /** Caseload of one case worker: eLb under 25 against 1:75 and from 25 against 1:150, i.e. the staff the caseload needs. */
    public record Caseload(String caseworkerId, int cases, int elbUnder25, int elb25AndOver, double staffNeeded) {
    }

    public record Page(String caseworker, List<Caseload> caseloads, List<Item> items, String nextCursor) {
    }

    public Page list(String caseworker, String municipality, String function, List<String> kinds, Integer limit, String cursor) {
        policy.check("read-worklist");
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ValidationFailedException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (function != null && !FUNCTIONS.contains(function)) {
            throw ValidationFailedException.of("function", "must be one of " + FUNCTIONS);
        }
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw ValidationFailedException.of("kind", "must be one of " + KINDS);
            }
        }
        if (caseworker != null && (caseworker.isBlank() || caseworker.length() > 100)) {
            throw ValidationFailedException.of("caseworker", "must be 1 to 100 characters");
        }
        if (municipality != null && !caller.mayAccess(municipality)) {
            throw ValidationFailedException.of("municipality", "is not one of your municipalities");
        }
        boolean teamView = caller.hasRole(Roles.TEAM_LEAD) || caller.isDistrictWide();
        String who = caseworker != null ? caseworker : teamView ? null : token.getClaim("preferred_username");
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Timeline.BERLIN);
        String[] after = decode(cursor);

        StringBuilder sql = new StringBuilder("select w.case_id, d.municipality, w.kind, w.function, w.person_id, w.due_on, w.detail, w.item_id "
                + "from work_item w join case_directory d on d.case_id = w.case_id where w.visible_from <= ? "
                + "and (w.expires_on is null or w.expires_on >= ?) and d.status = 'OPEN'");
        List<Object> args = new ArrayList<>(List.of(today, today));
        scope(sql, args, municipality);
        if (who != null) {
            sql.append(" and (d.benefits_caseworker = ? or d.placement_caseworker = ? or d.case_manager = ?)");
            args.add(who);
            args.add(who);
            args.add(who);
        }
        if (function != null) {
            sql.append(" and w.function = ?");
            args.add(function);
        }
        if (!kinds.isEmpty()) {
            sql.append(" and w.kind = any (?)");
            args.add(kinds.toArray(String[]::new));
        }
        if (after != null) {
            sql.append(" and (w.due_on, w.case_id, w.item_id) > (?, ?, ?)");
            args.add(LocalDate.parse(after[0]));
            args.add(after[1]);
            args.add(after[2]);
        }
        sql.append(" order by w.due_on, w.case_id, w.item_id limit ?");
        args.add(n + 1);

        List<Item> items = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        String next = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == n) {
                        Item last = items.get(n - 1);
                        next = encode(last.dueOn() + "|" + last.caseId() + "|" + itemIds.get(n - 1));
                        break;
                    }
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    itemIds.add(rs.getString(8));
                    items.add(new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), due,
                            rs.getString(7), due.isBefore(today), "/api/v1/cases/" + rs.getString(1) + "/file"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the worklist failed", e);
        }
        List<Caseload> caseloads = teamView ? caseloads(municipality, today) : List.of();
        audit.record("read-worklist", null, null);
        return new Page(who, caseloads, items, next);
    }

    private void scope(StringBuilder sql, List<Object> args, String municipality) {
        if (municipality != null) {
            sql.append(" and d.municipality = ?");
            args.add(municipality);
        } else if (!caller.isDistrictWide()) {
            sql.append(" and d.municipality = any (?)");
            args.add(caller.municipalities().toArray(String[]::new));
        }
    }

    /** eLb per case worker (any function) in scope: under 25 against 1:75, from 25 against 1:150 (staff needed = u25/75 + o25/150). */
    private List<Caseload> caseloads(String municipality, LocalDate today) {
        String youngBorn = java.time.YearMonth.from(today).minusYears(25).toString();
        StringBuilder sql = new StringBuilder("select cw, count(distinct d.case_id), "
                + "count(e.person_id) filter (where e.birth_year_month > ?), count(e.person_id) filter (where e.birth_year_month <= ?) "
                + "from case_directory d cross join lateral (values (d.benefits_caseworker), (d.placement_caseworker), (d.case_manager)) v(cw) "
                + "left join case_elb e on e.case_id = d.case_id where d.status = 'OPEN' and cw is not null");
        List<Object> args = new ArrayList<>(List.of(youngBorn, youngBorn));
        scope(sql, args, municipality);
        sql.append(" group by cw order by cw");
        List<Caseload> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int young = rs.getInt(3);
                    int older = rs.getInt(4);
                    out.add(new Caseload(rs.getString(1), rs.getInt(2), young, older, Math.round((young / 75.0 + older / 150.0) * 100) / 100.0));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading caseloads failed", e);
        }
        return out;
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] arr) {
                ps.setArray(i + 1, c.createArrayOf("text", arr));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || parts[1].length() > 40 || parts[2].length() > 200) {
                throw new IllegalArgumentException();
            }
            LocalDate.parse(parts[0]);
            return parts;
        } catch (RuntimeException e) {
            throw ValidationFailedException.of("cursor", "is not a cursor of this list");
        }
    }
}
