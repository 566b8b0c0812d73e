package de.auseinerhand.benefits.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import de.auseinerhand.events.EncryptedPii;
import de.auseinerhand.events.EventCodec;
import de.auseinerhand.servicekit.keys.PersonKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding for stored notices. A notice names several persons; it must become unreadable when the data of any of
 * them is erased. Each PDF is encrypted (AES-256-GCM, the notice id as associated data) with a random key of its own;
 * that key is split into as many random parts as the notice names persons with a key (all parts XOR to the key), and
 * each part is sealed with one person's key (the registry's crypto-shredding keys, {@link PersonKeys}). Opening needs
 * every part: destroying any one person's key destroys the notice.
 */
@ApplicationScoped
public class NoticeVault {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private final SecureRandom random = new SecureRandom();

    @Inject
    PersonKeys keys;

    /** One sealed part of a notice's key. */
    public record Share(UUID personId, String keyId, String alg, String ciphertext) {
    }

    public record Sealed(byte[] ciphertext, List<Share> shares) {
    }

    /**
     * Encrypts {@code pdf}; the parts go to {@code holders}, the persons named whose key exists (the caller has just opened
     * their data with it), the addressee among them.
     */
    public Sealed seal(UUID noticeId, byte[] pdf, UUID addressee, Collection<UUID> keyHolders) {
        List<UUID> holders = new ArrayList<>(keyHolders);
        if (!holders.contains(addressee)) {
            throw new IllegalStateException("the addressee " + addressee + " has no key (erased or never registered)");
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] last = key.clone();
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            byte[] part;
            if (i < holders.size() - 1) {
                part = new byte[KEY_BYTES];
                random.nextBytes(part);
                xorInto(last, part);
            } else {
                part = last;
            }
            EncryptedPii sealed = keys.encryptWithExisting(holders.get(i), Base64.getEncoder().encodeToString(part))
                    .orElseThrow(() -> new IllegalStateException("a key was erased while a notice was sealed"));
            shares.add(new Share(holders.get(i), sealed.keyId(), sealed.alg(), sealed.ciphertext()));
        }
        return new Sealed(aes(Cipher.ENCRYPT_MODE, key, noticeId, pdf), shares);
    }

    /** The PDF, or empty when any person's key was erased. */
    public Optional<byte[]> open(UUID noticeId, byte[] ciphertext, List<Share> shares) {
        List<Map.Entry<UUID, EncryptedPii>> sealed = new ArrayList<>();
        for (Share s : shares) {
            sealed.add(Map.entry(s.personId(), new EncryptedPii(s.keyId(), s.alg(), s.ciphertext())));
        }
        List<String> parts = keys.decryptEach(sealed, String.class);
        byte[] key = new byte[KEY_BYTES];
        for (String part : parts) {
            if (part == null) {
                return Optional.empty();
            }
            xorInto(key, Base64.getDecoder().decode(part));
        }
        return Optional.of(aes(Cipher.DECRYPT_MODE, key, noticeId, ciphertext));
    }

    public static String sharesJson(List<Share> shares) {
        try {
            return EventCodec.instance().mapper().writeValueAsString(shares);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Share> sharesOf(String json) {
        try {
            return EventCodec.instance().mapper().readValue(json, new TypeReference<List<Share>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice shares are unreadable", e);
        }
    }

    private static void xorInto(byte[] target, byte[] other) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= other[i];
        }
    }

    private byte[] aes(int mode, byte[] key, UUID noticeId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] aad = noticeId.toString().getBytes(StandardCharsets.UTF_8);
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
                cipher.updateAAD(aad);
                byte[] sealed = cipher.doFinal(input);
                return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            }
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, input, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(input, IV_BYTES, input.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("notice encryption failed", e);
        }
    }
}
