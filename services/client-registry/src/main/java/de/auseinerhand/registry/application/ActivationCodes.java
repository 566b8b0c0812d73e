package de.auseinerhand.registry.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time activation codes that link a citizen's account to a case (issue 15 §1). A code is 12 characters of Crockford's
 * base 32 (60 random bits, printed as {@code XXXX-XXXX-XXXX}; I, L, O and U are not used, so it reads unambiguously),
 * valid for {@code aeh.registry.activation-code-validity} (30 days), single use; issuing a new code for a case revokes
 * the unused earlier ones. Only the code's SHA-256 is stored. Guessing is hopeless at 2^60 codes, and the rate limits
 * and the audit of every failed attempt ({@code denied}) make it visible.
 */
@ApplicationScoped
public class ActivationCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "aeh.registry.activation-code-validity", defaultValue = "P30D")
    Duration validity;

    /** A code as printed for the household, and until when it may be used. */
    public record Issued(String caseId, String code, Instant expiresAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(String caseId, String issuedBy) {
        StringBuilder raw = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            raw.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update activation_code set revoked_at = ? where case_id = ? and used_at is null and revoked_at is null")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, caseId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into activation_code (code_hash, case_id, issued_by, issued_at, "
                    + "expires_at) values (?, ?, ?, ?, ?)")) {
                ps.setBytes(1, hash(raw.toString()));
                ps.setString(2, caseId);
                ps.setString(3, issuedBy);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(expires));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("issuing an activation code failed", e);
        }
        return new Issued(caseId, raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8), expires);
    }

    /** Uses the code once: the case it was issued for, or empty when it is unknown, used, revoked or expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> redeem(String code, String usedBy) {
        String normalised = normalise(code);
        if (normalised == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update activation_code set used_at = ?, used_by = ? where code_hash = ? and used_at is null "
                        + "and revoked_at is null and expires_at > ? returning case_id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, usedBy);
            ps.setBytes(3, hash(normalised));
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("redeeming an activation code failed", e);
        }
    }

    /**
     * The code as typed: case and separators (hyphens, spaces) do not matter, and the letters a reader may confuse with
     * digits are read as those digits (O → 0, I and L → 1), as Crockford's base 32 prescribes. Null when it cannot be one.
     */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ch == '-' || ch == ' ') {
                continue;
            }
            char c = ch == 'O' ? '0' : (ch == 'I' || ch == 'L') ? '1' : ch;
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            out.append(c);
        }
        return out.length() == LENGTH ? out.toString() : null;
    }

    private static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
