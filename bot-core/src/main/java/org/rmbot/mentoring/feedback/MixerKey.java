package org.rmbot.mentoring.feedback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mixer's key pair (X25519). The private half exists only in the memory of the instance that
 * made it: it is never written anywhere and is not derived from the server secret, so a sealed
 * ballot in the database opens for nobody but the running mixer. Anyone may seal to the public
 * half, which is in the database: an ephemeral X25519 agreement, HMAC-SHA256 as the key
 * derivation, AES-256-GCM (the JDK's own implementations).
 *
 * <p>Sealed form: {@code the ephemeral public key (X.509 encoded, 44 bytes) || 12-byte nonce || ciphertext+tag}.
 */
final class MixerKey {
  private static final int ENCODED_PUBLIC = 44;
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UUID id;
  private final KeyPair pair;

  private MixerKey(UUID id, KeyPair pair) {
    this.id = id;
    this.pair = pair;
  }

  static MixerKey generate() {
    return new MixerKey(UUID.randomUUID(), newPair());
  }

  UUID id() {
    return id;
  }

  byte[] publicKey() {
    return pair.getPublic().getEncoded();
  }

  /** Seals to a mixer's public key (as stored); {@code context} is bound as associated data. */
  static byte[] seal(byte[] recipientPublic, String plain, String context) {
    try {
      KeyPair ephemeral = newPair();
      byte[] key = derive(ephemeral.getPrivate(), decode(recipientPublic), ephemeral.getPublic().getEncoded(), recipientPublic);
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(ENCODED_PUBLIC + NONCE + sealed.length).put(ephemeral.getPublic().getEncoded())
          .put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 or AES-GCM is not available", e);
    }
  }

  /** Opens what was sealed to this key; throws if it was sealed to another key or changed. */
  String open(byte[] sealed, String context) throws GeneralSecurityException {
    if (sealed.length < ENCODED_PUBLIC + NONCE + 16) {
      throw new GeneralSecurityException("too short");
    }
    byte[] ephemeral = Arrays.copyOfRange(sealed, 0, ENCODED_PUBLIC);
    byte[] key = derive(pair.getPrivate(), decode(ephemeral), ephemeral, publicKey());
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, ENCODED_PUBLIC, NONCE));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    byte[] plain = cipher.doFinal(sealed, ENCODED_PUBLIC + NONCE, sealed.length - ENCODED_PUBLIC - NONCE);
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] derive(PrivateKey own, PublicKey other, byte[] ephemeral, byte[] recipient)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(own);
    agreement.doPhase(other, true);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(agreement.generateSecret(), "HmacSHA256"));
    mac.update("feedback-mixer/v1".getBytes(StandardCharsets.UTF_8));
    mac.update(ephemeral);
    return mac.doFinal(recipient);
  }

  private static PublicKey decode(byte[] encoded) throws GeneralSecurityException {
    return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  private static KeyPair newPair() {
    try {
      return KeyPairGenerator.getInstance("X25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is not available", e);
    }
  }
}
