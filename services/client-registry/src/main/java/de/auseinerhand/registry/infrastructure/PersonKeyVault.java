package de.auseinerhand.registry.infrastructure;

import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public EncryptedPii encrypt(UUID personId, PersonalData data) {
        PersonKey key = PersonKey.find("personId", personId).firstResult();
        if (key == null) {
            key = new PersonKey();
            key.keyId = "pk-" + UUID.randomUUID();
            key.personId = personId;
            key.keyMaterial = newKey().getEncoded();
            key.createdAt = Instant.now();
            key.persist();
        }
        if (key.keyMaterial == null) {
            throw new IllegalStateException("personal data of " + personId + " was erased");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.keyMaterial, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = EventCodec.instance().mapper().writeValueAsBytes(data);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new EncryptedPii(key.keyId, EncryptedPii.AES_256_GCM, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Destroys the person's key: every encrypted copy of their data, in the log and on Kafka, becomes unreadable. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID personId) {
        PersonKey key = PersonKey.find("personId", personId).firstResult();
        if (key != null && key.keyMaterial != null) {
            java.util.Arrays.fill(key.keyMaterial, (byte) 0);
            key.keyMaterial = null;
            key.erasedAt = Instant.now();
        }
    }

    /** Decrypts the data of several persons with one key lookup; erased or missing keys give no entry. */
    public java.util.Map<UUID, PersonalData> decryptAll(java.util.Map<UUID, EncryptedPii> encrypted) {
        java.util.Map<UUID, PersonalData> result = new java.util.HashMap<>();
        if (encrypted.isEmpty()) {
            return result;
        }
        java.util.List<String> keyIds = encrypted.values().stream().filter(java.util.Objects::nonNull)
                .map(EncryptedPii::keyId).toList();
        java.util.Map<String, PersonKey> keys = new java.util.HashMap<>();
        if (!keyIds.isEmpty()) {
            PersonKey.<PersonKey>list("keyId in ?1", keyIds).forEach(k -> keys.put(k.keyId, k));
        }
        encrypted.forEach((personId, pii) -> {
            if (pii == null) {
                return;
            }
            PersonKey key = keys.get(pii.keyId());
            if (key != null && key.keyMaterial != null && key.personId.equals(personId)) {
                result.put(personId, decryptWith(key.keyMaterial, personId, pii));
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
        PersonKey key = PersonKey.findById(pii.keyId());
        if (key == null || key.keyMaterial == null || !key.personId.equals(personId)) {
            return Optional.empty();
        }
        return Optional.of(decryptWith(key.keyMaterial, personId, pii));
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
