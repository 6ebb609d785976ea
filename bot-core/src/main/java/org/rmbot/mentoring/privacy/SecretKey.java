package org.rmbot.mentoring.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server secret ({@code MENTORING_SECRET_KEY}) from which purpose-bound keys are derived:
 * one to seal private text, one for anonymous-feedback receipts. Deriving separate keys means
 * a receipt can never be used to decrypt anything, and the reverse.
 */
public final class SecretKey {
  public static final int MIN_LENGTH = 32;
  private final byte[] material;

  private SecretKey(byte[] material) {
    this.material = material;
  }

  public static SecretKey of(String secret) {
    if (secret == null || secret.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "MENTORING_SECRET_KEY must be at least " + MIN_LENGTH + " characters (try: openssl rand -base64 48)");
    }
    return new SecretKey(secret.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** A 256-bit key for one purpose: HMAC-SHA256(secret, purpose). */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(material, "HmacSHA256"));
      return mac.doFinal(("mentoring-bot/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "SecretKey[****]";
  }
}
