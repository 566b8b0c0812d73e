package de.auseinerhand.registry.infrastructure;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding: one AES-256 key per person, kept only in this database. Personal data is encrypted
 * with AES-256-GCM (random 96-bit IV, the person id as associated data) before it enters an event;
 * erasing the key makes every copy of it, Kafka's included, unreadable.
 */
@ApplicationScoped
public class PersonKeyVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    /** A person's key as stored: null material once erased. */
    private record StoredKey(String keyId, UUID personId, byte[] material) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EncryptedPii encrypt(UUID personId, PersonalData data) {
        StoredKey key = keyOf(personId);
        if (key.material() == null) {
            throw new IllegalStateException("personal data of " + personId + " was erased");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = EventCodec.instance().mapper().writeValueAsBytes(data);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedPii(key.keyId(), EncryptedPii.AES_256_GCM, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The person's key, created on first use (one statement: insert unless present, then read). */
    private StoredKey keyOf(UUID personId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "with created as (insert into person_key (key_id, person_id, key_material, created_at) values (?, ?, ?, ?) "
                        + "on conflict (person_id) do nothing returning key_id, key_material) "
                        + "select key_id, key_material from created "
                        + "union all select key_id, key_material from person_key where person_id = ? and not exists (select 1 from created)")) {
            ps.setString(1, "pk-" + UUID.randomUUID());
            ps.setObject(2, personId);
            ps.setBytes(3, newKey().getEncoded());
            ps.setTimestamp(4, Timestamp.from(Instant.now(clock)));
            ps.setObject(5, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no key for " + personId);
                }
                return new StoredKey(rs.getString(1), personId, rs.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the key of " + personId + " failed", e);
        }
    }

    /** Destroys the person's key: every encrypted copy of their data, in the log and on Kafka, becomes unreadable. */
    @Transactional(Transactional.TxType.MANDATORY)
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
    public java.util.Map<UUID, PersonalData> decryptAll(java.util.Map<UUID, EncryptedPii> encrypted) {
        java.util.Map<UUID, PersonalData> result = new java.util.HashMap<>();
        String[] keyIds = encrypted.values().stream().filter(java.util.Objects::nonNull).map(EncryptedPii::keyId).toArray(String[]::new);
        if (keyIds.length == 0) {
            return result;
        }
        java.util.Map<String, StoredKey> keys = new java.util.HashMap<>();
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
        encrypted.forEach((personId, pii) -> {
            if (pii == null) {
                return;
            }
            StoredKey key = keys.get(pii.keyId());
            if (key != null && key.material() != null && key.personId().equals(personId)) {
                result.put(personId, decryptWith(key.material(), personId, pii));
            }
        });
        return result;
    }

    private static PersonalData decryptWith(byte[] keyMaterial, UUID personId, EncryptedPii pii) {
        try {
            byte[] in = Base64.getDecoder().decode(pii.ciphertext());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyMaterial, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return EventCodec.instance().mapper().readValue(plain, PersonalData.class);
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of " + personId + " cannot be decrypted", e);
        }
    }

    /** The personal data, or empty when the key was erased. */
    public Optional<PersonalData> decrypt(UUID personId, EncryptedPii pii) {
        if (pii == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(decryptAll(java.util.Map.of(personId, pii)).get(personId));
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator g = KeyGenerator.getInstance("AES");
            g.init(256);
            return g.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
