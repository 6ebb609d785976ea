package org.rmbot.mentoring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

/**
 * Slack's published request-signing test vector (shared/reference/slack/SIGNING.md), checked
 * with the same generator and verifier Bolt uses for every request the bot serves.
 */
class SigningVectorTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TIMESTAMP = "1531420618";
  private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
      + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
      + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  /** Bolt's verifier, asked as of a given moment (the vector dates from 2018). */
  private record At(long nowMillis) {
    boolean isValid(String timestamp, String body, String signature) {
      return new SlackSignature.Verifier(new SlackSignature.Generator(SECRET)).isValid(timestamp, body, signature, nowMillis);
    }
  }

  private static At verifierAt(long nowMillis) {
    return new At(nowMillis);
  }

  @Test
  void thePublishedVectorSignsAsPublished() {
    assertThat(new SlackSignature.Generator(SECRET).generate(TIMESTAMP, BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void itVerifiesWithinFiveMinutesAndNotAfter() {
    long sent = Long.parseLong(TIMESTAMP) * 1000;
    assertThat(verifierAt(sent + 10_000).isValid(TIMESTAMP, BODY, EXPECTED)).isTrue();
    assertThat(verifierAt(sent + 300_000).isValid(TIMESTAMP, BODY, EXPECTED)).as("stale at exactly 5 minutes").isFalse();
    assertThat(verifierAt(System.currentTimeMillis()).isValid(TIMESTAMP, BODY, EXPECTED)).as("with the real clock: stale").isFalse();
  }

  @Test
  void anyChangeBreaksIt() {
    long now = Long.parseLong(TIMESTAMP) * 1000 + 1000;
    assertThat(verifierAt(now).isValid(TIMESTAMP, BODY.replace("roadrunner", "roadrunnes"), EXPECTED)).isFalse();
    assertThat(verifierAt(now).isValid(TIMESTAMP, BODY, EXPECTED.replace("v0=", "v1="))).isFalse();
    assertThat(verifierAt(now).isValid(TIMESTAMP, BODY, EXPECTED.toUpperCase().replace("V0=", "v0="))).isFalse();
    assertThat(verifierAt(now).isValid("not-a-number", BODY, EXPECTED)).isFalse();
  }
}
