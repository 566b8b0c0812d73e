package de.auseinerhand.events;

/**
 * Personal data of one person, encrypted with that person's key (crypto-shredding). The plaintext is a
 * JSON object (name, birth date, address, contact, insurance numbers) that only the registry can read
 * while the key exists.
 */
public record EncryptedPii(String keyId, String alg, String ciphertext) {
    public static final String AES_256_GCM = "AES-256-GCM";
}
