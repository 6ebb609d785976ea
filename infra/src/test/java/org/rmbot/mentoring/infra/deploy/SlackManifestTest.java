package org.rmbot.mentoring.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rmbot.mentoring.testing.SharedReference;

/** The shipped Slack manifest against Slack's own manifest schema. */
class SlackManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MANIFEST = Path.of("slack", "manifest.yml");

  private static JsonSchema schema() throws Exception {
    JsonNode schema = JSON.readTree(SharedReference.path("slack-manifest-schema", "schemas", "manifest.schema.1.0.0.json").toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
  }

  private static JsonNode manifest() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
  }

  @Test
  void theManifestIsValidAgainstSlacksSchema() throws Exception {
    Set<ValidationMessage> problems = schema().validate(manifest());
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaDoesRejectSlacksOwnInvalidExample() throws Exception {
    JsonNode invalid = JSON.readTree(SharedReference.path("slack-manifest-schema", "tests", "v1", "manifest.invalid.json").toFile());
    assertThat(schema().validate(invalid)).isNotEmpty();
    JsonNode valid = JSON.readTree(SharedReference.path("slack-manifest-schema", "tests", "v1", "manifest.valid.json").toFile());
    assertThat(schema().validate(valid)).isEmpty();
  }

  @Test
  void theBotAsksOnlyForTheScopesItUses() throws Exception {
    List<String> scopes = new ArrayList<>();
    manifest().at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
    assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "im:write", "mpim:write",
        "mpim:history", "users:read", "users:read.email", "files:write");
    assertThat(scopes).as("no credential of the bot can read a feedback invitation back").doesNotContain("im:history");
    assertThat(manifest().at("/features/slash_commands/0/command").asText()).isEqualTo("/mentoring");
    assertThat(manifest().at("/features/slash_commands/0/should_escape").asBoolean())
        .as("mentions must arrive as user ids for the grammar").isTrue();
    assertThat(manifest().at("/settings/event_subscriptions/bot_events/0").asText()).isEqualTo("app_home_opened");
  }
}
