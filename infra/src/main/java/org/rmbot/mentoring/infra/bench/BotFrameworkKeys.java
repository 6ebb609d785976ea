package org.rmbot.mentoring.infra.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A local stand-in for the Bot Framework's token signing keys: an RSA key pair and its public
 * half published as the Bot Framework publishes its keys (a JWKS whose keys carry the channels
 * they are endorsed for). Public for the tests' fake Teams tenant too.
 */
public final class BotFrameworkKeys {
  private BotFrameworkKeys() {}

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JWKS document with this one key. */
  public static String jwks(String keyId, KeyPair key, String... endorsements) {
    RSAPublicKey pub = (RSAPublicKey) key.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + keyId + "\",\"n\":\"" + base64(pub.getModulus())
        + "\",\"e\":\"" + base64(pub.getPublicExponent()) + "\",\"endorsements\":[\"" + String.join("\",\"", endorsements)
        + "\"]}]}";
  }

  /** A big integer as JWK wants it: unsigned big-endian bytes, base64url without padding. */
  private static String base64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
