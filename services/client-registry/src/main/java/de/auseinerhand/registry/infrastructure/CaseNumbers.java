package de.auseinerhand.registry.infrastructure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Hands out case numbers {@code BG-<AGS>-<6 digits>}, running per municipality, in the caller's transaction. */
@ApplicationScoped
public class CaseNumbers {

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String municipality) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into case_number (municipality, last_number) values (?, 1) on conflict (municipality) "
                                + "do update set last_number = case_number.last_number + 1 returning last_number")) {
            ps.setString(1, municipality);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return String.format("BG-%s-%06d", municipality, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate a case number", e);
        }
    }
}
