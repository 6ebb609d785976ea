package org.rmbot.mentoring.infra.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A signing key a fake Bot Framework signs its tokens with, served the way the Bot Framework
 * serves its own: OpenID metadata naming a JWKS, whose key is endorsed for the given channels.
 * The demo's fake Teams and the tests' fake tenant both use it.
 */
public final class BotFrameworkKeys {
  public static final String ISSUER = "https://api.botframework.com";

  private final KeyPair pair = rsa();
  private final String id;
  // a fresh path per key: the SDK caches signing keys per metadata URL for the whole JVM
  private final String path = "/" + UUID.randomUUID();
  private final String[] endorsements;

  /** @param endorsements the channels the key is endorsed for, such as {@code msteams} */
  public BotFrameworkKeys(String idPrefix, String... endorsements) {
    this.id = idPrefix + UUID.randomUUID();
    this.endorsements = endorsements.clone();
  }

  /** Stubs the OpenID metadata and the JWKS on {@code api}; returns the metadata URL a bot is configured with. */
  public String serveOn(WireMockServer api) {
    api.stubFor(get(path + "/openidconfiguration").willReturn(okJson("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\""
        + api.baseUrl() + path + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
    api.stubFor(get(path + "/keys").willReturn(okJson(jwks())));
    return api.baseUrl() + path + "/openidconfiguration";
  }

  public KeyPair pair() {
    return pair;
  }

  /** The key id ({@code kid}) a token's header names. */
  public String id() {
    return id;
  }

  private String jwks() {
    RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + id + "\",\"n\":\"" + b64(pub.getModulus())
        + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"" + String.join("\",\"", endorsements)
        + "\"]}]}";
  }

  /** JWK's unsigned big-endian base64url, without the sign byte Java adds. */
  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A fresh 2048-bit RSA key pair. */
  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
