package org.rmbot.mentoring.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rmbot.mentoring.participant.Role;
import org.rmbot.mentoring.privacy.SecretKey;

/**
 * What an invitation's button carries: the campaign, the recipient's role and a random nonce,
 * with a MAC so nobody can make one up or change its role. It names no person, and the bot never
 * stores it with its recipient: a fresh one is made each time an invitation is delivered. Only
 * a hash of the nonce is kept, once the answer is in, to stop a second answer with it.
 *
 * <p>Text form: {@code b2.<campaign>.<role>.<nonce>.<mac>} (nonce and MAC in URL-safe base64),
 * short enough for a Slack button value and modal callback id.
 */
record BallotToken(long campaignId, Role role, byte[] nonce) {
  private static final String PREFIX = "b2.";
  private static final Pattern FORM = Pattern.compile("b2\\.(\\d{1,18})\\.(mentor|mentee)\\.([A-Za-z0-9_-]{22})\\.([A-Za-z0-9_-]{22})");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  static BallotToken fresh(long campaignId, Role role) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    return new BallotToken(campaignId, role, nonce);
  }

  /** A hash of the nonce: what is stored once the answer is in, never the token itself. */
  byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(nonce);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether this text looks like a ballot token at all (checked before anything else is done). */
  static boolean looksLikeOne(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /** The keyed side: makes and checks tokens under a key derived from the server secret for this only. */
  static final class Keys {
    private final SecretKeySpec key;

    Keys(SecretKey secret) {
      this.key = new SecretKeySpec(secret.derive("feedback-token/v1"), "HmacSHA256");
    }

    String write(BallotToken token) {
      String body = PREFIX + token.campaignId() + "." + token.role().code() + "." + B64.encodeToString(token.nonce());
      return body + "." + B64.encodeToString(mac(body));
    }

    /** The token, if the text is one this bot made (MAC checked in constant time); empty otherwise. */
    Optional<BallotToken> read(String text) {
      if (text == null) {
        return Optional.empty();
      }
      Matcher m = FORM.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      String body = text.substring(0, text.lastIndexOf('.'));
      if (!MessageDigest.isEqual(mac(body), B64D.decode(m.group(4)))) {
        return Optional.empty();
      }
      return Optional.of(new BallotToken(Long.parseLong(m.group(1)), Role.fromCode(m.group(2)), B64D.decode(m.group(3))));
    }

    private byte[] mac(String body) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        return java.util.Arrays.copyOf(full, 16);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }
  }
}
