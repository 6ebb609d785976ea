package org.rmbot.mentoring.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rmbot.mentoring.privacy.SecretKey;

/**
 * "This person has answered this campaign", as an HMAC-SHA256 of person and campaign under a
 * key derived from the server secret for this purpose only. It cannot be reversed to the
 * person, and says nothing about what they answered.
 */
final class Receipts {
  private final SecretKeySpec key;

  Receipts(SecretKey secret) {
    this.key = new SecretKeySpec(secret.derive("feedback-receipt/v1"), "HmacSHA256");
  }

  byte[] of(long campaignId, long personId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(("campaign:" + campaignId + "/person:" + personId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
