package de.auseinerhand.benefits.migration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The review list of migrated decisions (docs/migration.md): what a case worker has to look at, newest first. */
@ApplicationScoped
public class MigrationReview {

    public record Item(String caseId, UUID decisionId, String cause, String fromMonth, Instant listedAt) {
    }

    @Inject
    DataSource dataSource;

    public List<Item> list(int limit) {
        List<Item> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select case_id, decision_id, cause, from_month, listed_at from migration_review order by listed_at desc, case_id limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the migration review list failed", e);
        }
        return out;
    }
}
