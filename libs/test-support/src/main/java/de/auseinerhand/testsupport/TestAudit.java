package de.auseinerhand.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What the audit trail recorded about a case, in order (service-kit's {@code audit_record}). */
public final class TestAudit {
    private TestAudit() {
    }

    public static List<String> actions(DataSource dataSource, String caseId) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select action from audit_record where case_id = ? order by id")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the audit trail of " + caseId + " failed", e);
        }
        return out;
    }
}
