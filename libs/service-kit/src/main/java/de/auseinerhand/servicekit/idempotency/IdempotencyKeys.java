package de.auseinerhand.servicekit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.auseinerhand.servicekit.problem.FieldError;
import de.auseinerhand.servicekit.problem.Problem;
import de.auseinerhand.servicekit.problem.ProblemException;
import de.auseinerhand.servicekit.problem.ProblemTypes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating requests. The key is claimed in the command's own transaction;
 * a concurrent request with the same key waits on the row and then replays the first result. A retry
 * returns the first response (status, Location, body) and writes nothing; the same key with another
 * request body is refused (422).
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** The outcome of a creating request: fresh or replayed. */
    public record Outcome<T>(int status, String location, T body, boolean replayed) {
    }

    /** A stored answer: status, Location, ETag and the JSON body as first sent (text, byte for byte). */
    public record Stored(int status, String location, String etag, String body) {
    }

    /**
     * The stored answer of a completed request with this key, checked before anything else about the
     * request (a retry gets the first answer whatever changed since: the stream's version, the case's
     * state); 422 when the key was used for another request. Empty without a key or when none is stored.
     */
    public Optional<Stored> stored(String caller, String key, Object request) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select request_hash, status, location, etag, response_body from api_idempotency"
                        + " where caller = ? and idempotency_key = ? and status <> 0")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!hash(request).equals(rs.getString(1))) {
                    throw mismatch();
                }
                return Optional.of(new Stored(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency lookup failed", e);
        }
    }

    /**
     * Like {@link #once} for the command path: the answer is kept with its ETag; a concurrent request
     * with the same key waits on the claim and gets the stored answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored claimAndRun(String caller, String key, Object request, Supplier<Stored> command) {
        if (key == null || key.isBlank()) {
            return command.get();
        }
        if (key.length() > 200) {
            throw new ProblemException(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                    "Idempotency-Key is longer than 200 characters", null, null,
                    List.of(new FieldError(HEADER, "at most 200 characters"))));
        }
        String hash = hash(request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into api_idempotency (caller, idempotency_key, request_hash, status) values (?, ?, ?, 0) "
                            + "on conflict do nothing")) {
                ps.setString(1, caller);
                ps.setString(2, key);
                ps.setString(3, hash);
                if (ps.executeUpdate() == 0) {
                    return stored(caller, key, request).orElseThrow(() -> new IllegalStateException("claimed key without an answer"));
                }
            }
            Stored answer = command.get();
            try (PreparedStatement ps = c.prepareStatement("update api_idempotency set status = ?, location = ?, etag = ?, response_body = ?"
                    + " where caller = ? and idempotency_key = ?")) {
                ps.setInt(1, answer.status());
                ps.setString(2, answer.location());
                ps.setString(3, answer.etag());
                ps.setString(4, answer.body());
                ps.setString(5, caller);
                ps.setString(6, key);
                ps.executeUpdate();
            }
            return answer;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency bookkeeping failed", e);
        }
    }

    private static ProblemException mismatch() {
        return new ProblemException(new Problem(ProblemTypes.IDEMPOTENCY_MISMATCH, "Idempotency key reused", 422,
                "this Idempotency-Key was used for a different request", null, "idempotency-key-reused",
                List.of(new FieldError(HEADER, "was used for a different request"))));
    }

    /**
     * Runs {@code command} once per (caller, key); without a key it simply runs it. Must be called
     * inside the command's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(String caller, String key, Object request, Class<T> bodyType,
            Supplier<Outcome<T>> command) {
        if (key == null || key.isBlank()) {
            return command.get();
        }
        if (key.length() > 200) {
            throw new ProblemException(new Problem(ProblemTypes.VALIDATION, "Validation failed", 400,
                    "Idempotency-Key is longer than 200 characters", null, null,
                    List.of(new FieldError(HEADER, "at most 200 characters"))));
        }
        String hash = hash(request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into api_idempotency (caller, idempotency_key, request_hash, status) values (?, ?, ?, 0) "
                            + "on conflict do nothing")) {
                ps.setString(1, caller);
                ps.setString(2, key);
                ps.setString(3, hash);
                if (ps.executeUpdate() == 0) {
                    return replay(c, caller, key, hash, bodyType);
                }
            }
            Outcome<T> outcome = command.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "update api_idempotency set status = ?, location = ?, response_body = ? where caller = ? and idempotency_key = ?")) {
                ps.setInt(1, outcome.status());
                ps.setString(2, outcome.location());
                ps.setString(3, json.writeValueAsString(outcome.body()));
                ps.setString(4, caller);
                ps.setString(5, key);
                ps.executeUpdate();
            }
            return outcome;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("idempotency bookkeeping failed", e);
        }
    }

    private <T> Outcome<T> replay(Connection c, String caller, String key, String hash, Class<T> bodyType)
            throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(
                "select request_hash, status, location, response_body from api_idempotency where caller = ? and idempotency_key = ?")) {
            ps.setString(1, caller);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!hash.equals(rs.getString(1))) {
                    throw mismatch();
                }
                return new Outcome<>(rs.getInt(2), rs.getString(3), json.readValue(rs.getString(4), bodyType), true);
            }
        }
    }

    private String hash(Object request) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
