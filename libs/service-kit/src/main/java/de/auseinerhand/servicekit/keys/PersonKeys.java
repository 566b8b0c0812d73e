package de.auseinerhand.servicekit.keys;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Crypto-shredding: one AES-256 key per person, in one place (the {@code person_key} table that client-registry owns).
 * Personal data is encrypted with AES-256-GCM (random 96-bit IV, the person id as associated data) before it enters an
 * event; erasing the key makes every copy, Kafka's and every service's included, unreadable.
 * <p>
 * client-registry creates and erases keys in its own database and transaction. Services that need a personal fact for
 * their work (benefit-calculation: the health facts of § 21; job-placement: its free texts) read the keys through a
 * datasource of their own, read-only and outside their transactions ({@code aeh.keys.datasource}); they never keep a
 * decrypted copy, so the erasure reaches them too (docs/architecture.md, Keys).
 */
@ApplicationScoped
public class PersonKeys {

    public static final String DEFAULT_DATASOURCE = "<default>";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    @ConfigProperty(name = "aeh.keys.datasource", defaultValue = DEFAULT_DATASOURCE)
    String dataSourceName;

    private AgroalDataSource dataSource;

    /** A person's key as stored: null material once erased. */
    private record StoredKey(String keyId, UUID personId, byte[] material) {
    }

    @PostConstruct
    void resolve() {
        dataSource = AgroalDataSourceUtil.dataSourceIfActive(dataSourceName)
                .orElseThrow(() -> new IllegalStateException("aeh.keys.datasource: no active datasource '" + dataSourceName + "'"));
    }

    /**
     * Encrypts {@code payload} (any JSON-mappable value) with the person's key, creating the key on first use. Runs in the
     * caller's transaction, so a key and the event that first uses it are stored together (client-registry only).
     */
    public EncryptedPii encrypt(UUID personId, Object payload) {
        return seal(keyOf(personId, true), personId, payload);
    }

    /**
     * Encrypts with the person's existing key; empty when the registry never registered the person or erased them (a
     * service other than the registry must not create keys).
     */
    public Optional<EncryptedPii> encryptWithExisting(UUID personId, Object payload) {
        StoredKey key = keyOf(personId, false);
        return key == null || key.material() == null ? Optional.empty() : Optional.of(seal(key, personId, payload));
    }

    private EncryptedPii seal(StoredKey key, UUID personId, Object payload) {
        if (key.material() == null) {
            throw new IllegalStateException("personal data of " + personId + " was erased");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(EventCodec.instance().mapper().writeValueAsBytes(payload));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedPii(key.keyId(), EncryptedPii.AES_256_GCM, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The person's key; created on first use when {@code create} (one statement: insert unless present, then read). */
    private StoredKey keyOf(UUID personId, boolean create) {
        String sql = create
                ? "with created as (insert into person_key (key_id, person_id, key_material, created_at) values (?, ?, ?, ?) "
                        + "on conflict (person_id) do nothing returning key_id, key_material) "
                        + "select key_id, key_material from created "
                        + "union all select key_id, key_material from person_key where person_id = ? and not exists (select 1 from created)"
                : "select key_id, key_material from person_key where person_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (create) {
                ps.setString(1, "pk-" + UUID.randomUUID());
                ps.setObject(2, personId);
                ps.setBytes(3, newKey());
                ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
                ps.setObject(5, personId);
            } else {
                ps.setObject(1, personId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (create) {
                        throw new IllegalStateException("no key for " + personId);
                    }
                    return null;
                }
                return new StoredKey(rs.getString(1), personId, rs.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the key of " + personId + " failed", e);
        }
    }

    /** Destroys the person's key: every encrypted copy of their data, in the log and on Kafka, becomes unreadable. */
    public void erase(UUID personId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update person_key set key_material = null, erased_at = ? where person_id = ? and key_material is not null")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now(clock)));
            ps.setObject(2, personId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("erasing the key of " + personId + " failed", e);
        }
    }

    /** Decrypts the data of several persons with one key lookup; erased or missing keys give no entry. */
    public <T> Map<UUID, T> decryptAll(Map<UUID, EncryptedPii> encrypted, Class<T> type) {
        List<Map.Entry<UUID, EncryptedPii>> sealed = new ArrayList<>(encrypted.entrySet());
        List<T> opened = decryptEach(sealed, type);
        Map<UUID, T> result = new HashMap<>();
        for (int i = 0; i < sealed.size(); i++) {
            if (opened.get(i) != null) {
                result.put(sealed.get(i).getKey(), opened.get(i));
            }
        }
        return result;
    }

    /**
     * Decrypts many values (several per person allowed) with one key lookup: the result has one entry per input, in the
     * same order, null where the key was erased or is missing (or the value was never encrypted).
     */
    public <T> List<T> decryptEach(List<Map.Entry<UUID, EncryptedPii>> sealed, Class<T> type) {
        List<T> result = new ArrayList<>(sealed.size());
        String[] keyIds = sealed.stream().map(Map.Entry::getValue).filter(Objects::nonNull).map(EncryptedPii::keyId).distinct()
                .toArray(String[]::new);
        Map<String, StoredKey> keys = new HashMap<>();
        if (keyIds.length > 0) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select key_id, person_id, key_material from person_key where key_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("text", keyIds));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.put(rs.getString(1), new StoredKey(rs.getString(1), rs.getObject(2, UUID.class), rs.getBytes(3)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading person keys failed", e);
            }
        }
        for (Map.Entry<UUID, EncryptedPii> e : sealed) {
            EncryptedPii pii = e.getValue();
            StoredKey key = pii == null ? null : keys.get(pii.keyId());
            result.add(key != null && key.material() != null && key.personId().equals(e.getKey())
                    ? open(key.material(), e.getKey(), pii, type) : null);
        }
        return result;
    }

    /** The data, or empty when the key was erased (or the data was never encrypted). */
    public <T> Optional<T> decrypt(UUID personId, EncryptedPii pii, Class<T> type) {
        if (pii == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(decryptAll(Map.of(personId, pii), type).get(personId));
    }

    private static <T> T open(byte[] keyMaterial, UUID personId, EncryptedPii pii, Class<T> type) {
        try {
            byte[] in = Base64.getDecoder().decode(pii.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyMaterial, "AES"), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return EventCodec.instance().mapper().readValue(plain, type);
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of " + personId + " cannot be decrypted", e);
        }
    }

    private static byte[] newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256);
            return g.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
