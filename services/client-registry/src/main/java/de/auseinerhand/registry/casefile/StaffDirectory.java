package de.auseinerhand.registry.casefile;

import de.auseinerhand.servicekit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Display names of staff for the case file: events and audit records name only pseudonymous subjects
 * ({@code user:<sub>}); the name a staff member's token carries ({@code name}, else {@code preferred_username}) is
 * remembered when they read a case file, and shown to staff only.
 */
@ApplicationScoped
public class StaffDirectory {
    static final int MAX_NAME = 200;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private final Map<String, String> known = new ConcurrentHashMap<>();

    /** Remembers the calling staff member's display name (one statement when it is new or changed). */
    public void remember(Caller caller, JsonWebToken token) {
        if (!caller.isStaff() || token == null || token.getSubject() == null) {
            return;
        }
        String name = token.getClaim("name");
        if (name == null || name.isBlank()) {
            name = token.getClaim("preferred_username");
        }
        if (name == null || name.isBlank()) {
            return;
        }
        String subject = "user:" + token.getSubject();
        String display = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        if (display.equals(known.get(subject))) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into staff_directory (subject, display_name, updated_at) values (?, ?, ?) "
                        + "on conflict (subject) do update set display_name = excluded.display_name, updated_at = excluded.updated_at")) {
            ps.setString(1, subject);
            ps.setString(2, display);
            ps.setTimestamp(3, Timestamp.from(Instant.now(clock)));
            ps.executeUpdate();
            known.put(subject, display);
        } catch (SQLException e) {
            throw new IllegalStateException("remembering a display name failed", e);
        }
    }

    /** Display names of the given actors that are staff members known here. */
    public Map<String, String> names(Collection<String> actors) {
        Map<String, String> out = new HashMap<>();
        String[] subjects = actors.stream().filter(a -> a != null && a.startsWith("user:")).distinct().toArray(String[]::new);
        if (subjects.length == 0) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select subject, display_name from staff_directory where subject = any (?)")) {
            ps.setArray(1, c.createArrayOf("text", subjects));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading display names failed", e);
        }
        return out;
    }
}
