package org.rmbot.mentoring.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files in infra/: every YAML and JSON file parses; the Dockerfile is multi-stage,
 * non-root and health-checked; the Compose file runs the bot beside PostgreSQL 17 with a volume;
 * the Helm chart, rendered with its default values by {@link ChartRenderer} (a documented
 * structural stand-in for {@code helm template}), gives a Deployment, a Service and a
 * PodDisruptionBudget that fit together. Each check collects problems as sentences, and the
 * tests at the end show each kind of check does fail on a broken file.
 */
class DeploymentFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path INFRA = Path.of(".");
  private static final Path CHART = INFRA.resolve("helm").resolve("mentoring-bot");
  private static final Path README = Path.of("..", "README.md");
  private static final int PORT = 3000;

  // ---------------------------------------------------------------- every file parses

  @Test
  void everyYamlAndJsonDeploymentFileParses() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(INFRA)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(INFRA.resolve("target")) && !p.startsWith(INFRA.resolve("src")))
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
          .filter(p -> !p.startsWith(CHART.resolve("templates")))
          .toList();
    }
    assertThat(files.stream().map(p -> INFRA.relativize(p).toString().replace('\\', '/')))
        .contains("docker-compose.yml", "helm/mentoring-bot/Chart.yaml", "helm/mentoring-bot/values.yaml",
            "slack/manifest.yml", "teams/manifest.json");
    for (Path file : files) {
      JsonNode parsed = file.toString().endsWith(".json") ? JSON.readTree(file.toFile()) : ChartRenderer.read(file);
      assertThat(parsed).as(file.toString()).isNotNull();
      assertThat(parsed.isObject()).as(file + " is a mapping").isTrue();
    }
  }

  // ---------------------------------------------------------------- Dockerfile

  @Test
  void theDockerfileIsMultiStageNonRootAndHealthChecked() throws IOException {
    assertThat(dockerfileProblems(Files.readString(INFRA.resolve("Dockerfile")))).isEmpty();
  }

  static List<String> dockerfileProblems(String dockerfile) {
    List<String> problems = new ArrayList<>();
    List<String> lines = instructions(dockerfile);
    List<String> froms = lines.stream().filter(l -> keyword(l).equals("FROM")).toList();
    if (froms.size() < 2) {
      problems.add("not multi-stage: " + froms.size() + " FROM");
    } else {
      if (!froms.get(0).matches("(?i)FROM\\s+\\S*temurin:17-jdk\\S*\\s+AS\\s+\\S+")) {
        problems.add("the build stage is not a named Temurin JDK 17 stage: " + froms.get(0));
      }
      String last = froms.get(froms.size() - 1);
      if (!last.matches("(?i)FROM\\s+\\S*:17-jre\\S*.*") || last.toLowerCase().contains("alpine")) {
        problems.add("the runtime stage is not a glibc (non-Alpine) JRE 17 image: " + last);
      }
    }
    int lastFrom = lastIndexOf(lines, "FROM");
    List<String> runtime = lastFrom < 0 ? lines : lines.subList(lastFrom, lines.size());
    if (runtime.stream().noneMatch(l -> l.matches("(?i)COPY\\s+--from=\\S+\\s+.*mentoring-bot\\.jar\\s+/app/mentoring-bot\\.jar"))) {
      problems.add("the runtime stage does not copy the jar from the build stage to /app/mentoring-bot.jar");
    }
    List<String> users = runtime.stream().filter(l -> keyword(l).equals("USER")).toList();
    if (users.isEmpty()) {
      problems.add("no USER in the runtime stage: it would run as root");
    } else {
      String user = users.get(users.size() - 1).substring(4).trim().split(":")[0];
      if (user.equals("root") || user.equals("0")) {
        problems.add("the runtime USER is root");
      }
    }
    if (runtime.stream().noneMatch(l -> keyword(l).equals("HEALTHCHECK") && l.contains("/healthz"))) {
      problems.add("no HEALTHCHECK on /healthz");
    }
    if (runtime.stream().noneMatch(l -> keyword(l).equals("EXPOSE") && l.matches("(?i)EXPOSE\\s+(.*\\s)?" + PORT + "(/tcp)?(\\s.*)?"))) {
      problems.add("port " + PORT + " is not exposed");
    }
    String entrypoint = runtime.stream().filter(l -> keyword(l).equals("ENTRYPOINT")).reduce((a, b) -> b).orElse("");
    if (!entrypoint.matches("(?i)ENTRYPOINT\\s+\\[\\s*\"java\",.*\"-jar\",\\s*\"/app/mentoring-bot\\.jar\"\\s*]")) {
      problems.add("ENTRYPOINT is not the exec form java ... -jar /app/mentoring-bot.jar: " + entrypoint);
    }
    if (!entrypoint.contains("MaxRAMPercentage")) {
      problems.add("the JVM does not size its heap from the container's memory (MaxRAMPercentage)");
    }
    String cmd = runtime.stream().filter(l -> keyword(l).equals("CMD")).reduce((a, b) -> b).orElse("");
    if (!cmd.matches("CMD\\s+\\[\\s*\"serve\"\\s*]")) {
      problems.add("CMD is not [\"serve\"]: " + cmd);
    }
    return problems;
  }

  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> instructions(String dockerfile) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : dockerfile.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      if (current.length() > 0) {
        out.add(current.toString().strip());
      }
      current.setLength(0);
    }
    return out;
  }

  private static String keyword(String instruction) {
    return instruction.split("\\s+", 2)[0].toUpperCase();
  }

  private static int lastIndexOf(List<String> lines, String keyword) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (keyword(lines.get(i)).equals(keyword)) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- docker-compose.yml

  @Test
  void composeRunsTheBotBesidePostgres17WithAVolumeAndHealthchecks() throws IOException {
    assertThat(composeProblems(ChartRenderer.read(INFRA.resolve("docker-compose.yml")))).isEmpty();
  }

  @Test
  void theEnvExampleHoldsPlaceholdersOnlyAndTheRealEnvFileIsIgnored() throws IOException {
    Map<String, String> example = envFile(Files.readString(INFRA.resolve(".env.example")));
    assertThat(example).containsKeys("DATABASE_URL", "MENTORING_SECRET_KEY", "POSTGRES_PASSWORD");
    assertThat(example.get("DATABASE_URL")).startsWith("postgresql://").contains("@postgres:5432/");
    assertThat(example.get("MENTORING_SECRET_KEY")).as("a placeholder, not a key").startsWith("replace-");
    for (String secret : readmeSecrets()) {
      String value = example.getOrDefault(secret, "");
      assertThat(value.isEmpty() || value.contains("change-me") || value.startsWith("replace-"))
          .as(secret + " in .env.example must be empty or an obvious placeholder").isTrue();
    }
    assertThat(Files.readAllLines(Path.of("..", ".gitignore"))).contains("infra/.env");
  }

  static List<String> composeProblems(JsonNode compose) {
    List<String> problems = new ArrayList<>();
    JsonNode services = compose.path("services");
    JsonNode bot = services.path("bot");
    JsonNode postgres = services.path("postgres");
    if (bot.isMissingNode() || postgres.isMissingNode()) {
      problems.add("services bot and postgres are expected, found " + fieldNames(services));
      return problems;
    }
    if (!postgres.path("image").asText().matches("postgres:17(\\.\\d+)*(-\\S+)?")) {
      problems.add("postgres is not PostgreSQL 17: " + postgres.path("image").asText());
    }
    boolean volumeMounted = false;
    for (JsonNode volume : postgres.path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts.length >= 2 && parts[1].equals("/var/lib/postgresql/data") && compose.path("volumes").has(parts[0])) {
        volumeMounted = true;
      }
    }
    if (!volumeMounted) {
      problems.add("PostgreSQL's data directory is not on a named volume declared under volumes:");
    }
    if (!bot.path("build").path("dockerfile").asText().equals("infra/Dockerfile")
        || !bot.path("build").path("context").asText().equals("..")) {
      problems.add("the bot is not built from infra/Dockerfile with the repository as context");
    }
    boolean envFile = false;
    for (JsonNode file : bot.path("env_file")) {
      envFile |= file.asText().equals(".env");
    }
    if (!envFile) {
      problems.add("the bot does not read its secrets from .env (env_file)");
    }
    if (!bot.path("depends_on").path("postgres").path("condition").asText().equals("service_healthy")) {
      problems.add("the bot does not wait for a healthy postgres (depends_on condition service_healthy)");
    }
    if (!bot.path("healthcheck").path("test").toString().contains("/healthz")) {
      problems.add("the bot's healthcheck does not hit /healthz");
    }
    if (!postgres.path("healthcheck").path("test").toString().contains("pg_isready")) {
      problems.add("postgres has no pg_isready healthcheck");
    }
    for (String secret : List.of("DATABASE_URL", "MENTORING_SECRET_KEY")) {
      if (bot.path("environment").has(secret)) {
        problems.add(secret + " is written into the compose file instead of .env");
      }
    }
    return problems;
  }

  private static Map<String, String> envFile(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !line.strip().startsWith("#") && line.contains("=")) {
        out.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1).strip());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- Helm chart

  @Test
  void theChartDeclaresItselfAndItsDefaults() {
    ChartRenderer chart = new ChartRenderer(CHART);
    assertThat(chart.chart().path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.chart().path("name").asText()).isEqualTo("mentoring-bot");
    assertThat(chart.chart().path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(chart.values().path("replicaCount").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(chart.values().path("existingSecret").asText()).isNotBlank();
  }

  @Test
  void everyTemplateRendersWithTheDefaultValues() throws IOException {
    ChartRenderer chart = new ChartRenderer(CHART);
    Set<String> kinds = new LinkedHashSet<>();
    try (Stream<Path> templates = Files.list(CHART.resolve("templates"))) {
      for (Path template : templates.sorted().toList()) {
        String name = template.getFileName().toString();
        String rendered = chart.render(template);
        assertThat(rendered).as(name).doesNotContain("{{").doesNotContain("}}");
        if (name.endsWith(".yaml")) {
          kinds.add(ChartRenderer.parse(rendered).path("kind").asText());
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder("Deployment", "Service", "PodDisruptionBudget");
  }

  @Test
  void theRenderedChartRunsTwoNonRootReplicasWithProbesSecretsAndABudget() {
    Rendered chart = Rendered.withDefaults();
    assertThat(deploymentProblems(chart.deployment, readmeSecrets(), chart.secretName)).isEmpty();
    assertThat(serviceProblems(chart.service, chart.deployment)).isEmpty();
    assertThat(budgetProblems(chart.budget, chart.deployment)).isEmpty();
  }

  /** The README's configuration table, read for the variables that hold secrets. */
  @Test
  void theReadmeNamesTheSecretsTheChartMustWire() {
    assertThat(readmeSecrets()).containsExactlyInAnyOrder("DATABASE_URL", "MENTORING_SECRET_KEY", "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "MICROSOFT_APP_PASSWORD");
  }

  static List<String> deploymentProblems(JsonNode deployment, Set<String> secrets, String secretName) {
    List<String> problems = new ArrayList<>();
    if (!deployment.path("apiVersion").asText().equals("apps/v1") || !deployment.path("kind").asText().equals("Deployment")) {
      problems.add("not an apps/v1 Deployment");
    }
    if (deployment.at("/spec/replicas").asInt(0) < 2) {
      problems.add("fewer than 2 replicas: " + deployment.at("/spec/replicas"));
    }
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    if (!selects(deployment.at("/spec/selector/matchLabels"), podLabels)) {
      problems.add("the selector does not match the pod labels");
    }
    JsonNode pod = deployment.at("/spec/template/spec");
    if (pod.path("terminationGracePeriodSeconds").asInt(30) < 30) {
      problems.add("terminationGracePeriodSeconds under 30");
    }
    JsonNode podSecurity = pod.path("securityContext");
    if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
      problems.add("the pod does not require runAsNonRoot");
    }
    if (podSecurity.has("runAsUser") && podSecurity.path("runAsUser").asInt() == 0) {
      problems.add("the pod runs as user 0");
    }
    JsonNode containers = pod.path("containers");
    if (containers.size() != 1) {
      problems.add("expected one container, found " + containers.size());
      return problems;
    }
    JsonNode bot = containers.get(0);
    if (!bot.path("image").asText().contains(":")) {
      problems.add("the image has no tag: " + bot.path("image").asText());
    }
    if (bot.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)) {
      problems.add("the container allows privilege escalation");
    }
    if (!bot.path("args").toString().equals("[\"serve\"]")) {
      problems.add("the container does not run serve: " + bot.path("args"));
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    bot.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
    if (!ports.containsValue(PORT)) {
      problems.add("the container does not expose " + PORT + ": " + ports);
    }
    probe(bot, "livenessProbe", "/healthz", ports, problems);
    probe(bot, "readinessProbe", "/readyz", ports, problems);
    for (String limit : List.of("requests", "limits")) {
      if (!bot.path("resources").path(limit).has("memory") || !bot.path("resources").path(limit).has("cpu")) {
        problems.add("resources." + limit + " lacks cpu or memory");
      }
    }
    Map<String, JsonNode> env = new LinkedHashMap<>();
    bot.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    JsonNode port = env.get("PORT");
    if (port != null && !port.path("value").asText().equals(String.valueOf(PORT))) {
      problems.add("PORT is " + port.path("value").asText() + " but the container port is " + PORT);
    }
    JsonNode instance = env.get("MENTORING_INSTANCE_ID");
    if (instance == null || !instance.at("/valueFrom/fieldRef/fieldPath").asText().equals("metadata.name")) {
      problems.add("MENTORING_INSTANCE_ID does not come from the pod name (downward API)");
    }
    for (String secret : secrets) {
      JsonNode var = env.get(secret);
      if (var == null) {
        problems.add(secret + " is not set");
      } else if (var.has("value") || !var.at("/valueFrom/secretKeyRef/name").asText().equals(secretName)
          || var.at("/valueFrom/secretKeyRef/key").asText().isEmpty()) {
        problems.add(secret + " does not come from a key of the Secret " + secretName);
      }
    }
    for (String required : List.of("DATABASE_URL", "MENTORING_SECRET_KEY")) {
      JsonNode var = env.get(required);
      if (var != null && var.at("/valueFrom/secretKeyRef/optional").asBoolean(false)) {
        problems.add(required + " is optional, but serve needs it with more than one replica");
      }
    }
    return problems;
  }

  private static void probe(JsonNode container, String probe, String path, Map<String, Integer> ports, List<String> problems) {
    JsonNode get = container.path(probe).path("httpGet");
    if (!get.path("path").asText().equals(path)) {
      problems.add(probe + " does not GET " + path + ": " + get.path("path").asText());
    }
    JsonNode port = get.path("port");
    int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
    if (number != PORT) {
      problems.add(probe + " does not reach port " + PORT + ": " + port);
    }
  }

  static List<String> serviceProblems(JsonNode service, JsonNode deployment) {
    List<String> problems = new ArrayList<>();
    if (!service.path("kind").asText().equals("Service")) {
      problems.add("not a Service");
    }
    if (!selects(service.path("spec").path("selector"), deployment.at("/spec/template/metadata/labels"))) {
      problems.add("the Service does not select the Deployment's pods");
    }
    Set<String> containerPorts = new LinkedHashSet<>();
    deployment.at("/spec/template/spec/containers/0/ports").forEach(p -> {
      containerPorts.add(p.path("name").asText());
      containerPorts.add(p.path("containerPort").asText());
    });
    JsonNode ports = service.at("/spec/ports");
    if (ports.isEmpty()) {
      problems.add("the Service has no ports");
    }
    ports.forEach(p -> {
      if (!containerPorts.contains(p.path("targetPort").asText())) {
        problems.add("the Service's targetPort " + p.path("targetPort") + " is not a container port");
      }
    });
    return problems;
  }

  static List<String> budgetProblems(JsonNode budget, JsonNode deployment) {
    List<String> problems = new ArrayList<>();
    if (!budget.path("apiVersion").asText().equals("policy/v1") || !budget.path("kind").asText().equals("PodDisruptionBudget")) {
      problems.add("not a policy/v1 PodDisruptionBudget");
    }
    int minAvailable = budget.at("/spec/minAvailable").asInt(0);
    if (minAvailable < 1 || minAvailable >= deployment.at("/spec/replicas").asInt()) {
      problems.add("minAvailable " + minAvailable + " must be at least 1 and below the replica count");
    }
    if (!selects(budget.at("/spec/selector/matchLabels"), deployment.at("/spec/template/metadata/labels"))) {
      problems.add("the budget does not select the Deployment's pods");
    }
    return problems;
  }

  /** True when the selector is non-empty and every one of its labels is on the pod. */
  private static boolean selects(JsonNode selector, JsonNode labels) {
    if (!selector.isObject() || selector.isEmpty()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      if (!labels.path(label.getKey()).asText().equals(label.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The variables of the README's configuration table that hold secrets: those whose name says so
   * (TOKEN, SECRET, PASSWORD) and those whose documented form carries a password ({@code user:pass@}).
   */
  static Set<String> readmeSecrets() {
    String readme;
    try {
      readme = Files.readString(README);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int start = readme.indexOf("## Configuration");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).as("the README has a Configuration section").isNotNegative();
    Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|(.*)$").matcher(readme.substring(start, end < 0 ? readme.length() : end));
    Set<String> all = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    while (row.find()) {
      all.add(row.group(1));
      if (row.group(1).matches(".*(TOKEN|SECRET|PASSWORD).*") || row.group(2).contains(":pass@")) {
        secrets.add(row.group(1));
      }
    }
    assertThat(all).as("variables in the README's configuration table").contains("PORT", "DATABASE_URL");
    return secrets;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The chart rendered with its default values, by kind. */
  private record Rendered(JsonNode deployment, JsonNode service, JsonNode budget, String secretName) {
    static Rendered withDefaults() {
      ChartRenderer chart = new ChartRenderer(CHART);
      Map<String, JsonNode> byKind = new LinkedHashMap<>();
      for (String file : List.of("deployment.yaml", "service.yaml", "pdb.yaml")) {
        JsonNode node = ChartRenderer.parse(chart.render(CHART.resolve("templates").resolve(file)));
        byKind.put(node.path("kind").asText(), node);
      }
      return new Rendered(byKind.get("Deployment"), byKind.get("Service"), byKind.get("PodDisruptionBudget"),
          chart.values().path("existingSecret").asText());
    }
  }

  // ---------------------------------------------------------------- docs/OPERATIONS.md

  /** The metric names the operations guide tells people to watch are the ones the bot registers. */
  @Test
  void theOperationsGuideNamesMetricsTheBotExports() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "OPERATIONS.md"));
    String metrics = Files.readString(Path.of("src", "main", "java", "org", "rmbot", "mentoring", "infra", "BotMetrics.java"));
    Matcher named = Pattern.compile("`(mentoring_[a-z_]+)").matcher(guide);
    Set<String> inGuide = new LinkedHashSet<>();
    while (named.find()) {
      inGuide.add(named.group(1));
    }
    assertThat(inGuide).contains("mentoring_nudges", "mentoring_nudge_queue_depth", "mentoring_slack_ack_seconds");
    for (String metric : inGuide) {
      assertThat(metrics).as(metric + " is registered in BotMetrics").contains("\"" + metric + "\"");
    }
    assertThat(Files.readString(README)).contains("(docs/OPERATIONS.md)");
  }

  // ---------------------------------------------------------------- the checks can fail

  @Test
  void theDockerfileCheckFailsOnASingleStageRootAlpineImage() {
    assertThat(dockerfileProblems("""
        FROM eclipse-temurin:17-jre-alpine
        COPY infra/target/mentoring-bot.jar /app/mentoring-bot.jar
        ENTRYPOINT ["java", "-jar", "/app/mentoring-bot.jar"]
        """)).anyMatch(p -> p.startsWith("not multi-stage")).anyMatch(p -> p.startsWith("no USER"))
        .anyMatch(p -> p.startsWith("no HEALTHCHECK")).anyMatch(p -> p.contains("MaxRAMPercentage"))
        .anyMatch(p -> p.startsWith("CMD")).anyMatch(p -> p.startsWith("port"));
    assertThat(dockerfileProblems("""
        FROM eclipse-temurin:17-jdk-jammy AS build
        FROM eclipse-temurin:17-jre-alpine
        COPY --from=build /src/infra/target/mentoring-bot.jar /app/mentoring-bot.jar
        USER root
        """)).anyMatch(p -> p.contains("non-Alpine")).anyMatch(p -> p.contains("USER is root"));
  }

  @Test
  void theComposeCheckFailsWhenPiecesAreMissing() {
    ObjectNode compose = (ObjectNode) ChartRenderer.read(INFRA.resolve("docker-compose.yml"));
    ObjectNode postgres = (ObjectNode) compose.path("services").path("postgres");
    ObjectNode bot = (ObjectNode) compose.path("services").path("bot");
    postgres.put("image", "postgres:16");
    compose.remove("volumes");
    ((ObjectNode) bot.path("depends_on").path("postgres")).put("condition", "service_started");
    bot.remove("healthcheck");
    bot.remove("env_file");
    ((ObjectNode) bot.path("environment")).put("MENTORING_SECRET_KEY", "x".repeat(40));
    assertThat(composeProblems(compose)).hasSize(6);
  }

  @Test
  void theChartChecksFailOnABrokenRendering() {
    Rendered good = Rendered.withDefaults();
    Set<String> secrets = readmeSecrets();

    ObjectNode oneReplica = good.deployment.deepCopy();
    ((ObjectNode) oneReplica.path("spec")).put("replicas", 1);
    assertThat(deploymentProblems(oneReplica, secrets, good.secretName)).containsExactly("fewer than 2 replicas: 1");

    ObjectNode badProbes = good.deployment.deepCopy();
    ObjectNode container = (ObjectNode) badProbes.at("/spec/template/spec/containers/0");
    ((ObjectNode) container.at("/livenessProbe/httpGet")).put("path", "/");
    ((ObjectNode) container.at("/readinessProbe/httpGet")).put("port", 8080);
    assertThat(deploymentProblems(badProbes, secrets, good.secretName)).hasSize(2);

    ObjectNode root = good.deployment.deepCopy();
    ((ObjectNode) root.at("/spec/template/spec/securityContext")).remove("runAsNonRoot");
    ((ObjectNode) root.at("/spec/template/spec")).put("terminationGracePeriodSeconds", 5);
    assertThat(deploymentProblems(root, secrets, good.secretName)).hasSize(2);

    ObjectNode plainSecret = good.deployment.deepCopy();
    ArrayNode env = (ArrayNode) plainSecret.at("/spec/template/spec/containers/0/env");
    for (JsonNode var : env) {
      if (var.path("name").asText().equals("SLACK_SIGNING_SECRET")) {
        ((ObjectNode) var).remove("valueFrom");
        ((ObjectNode) var).put("value", "hunter2");
      }
      if (var.path("name").asText().equals("MENTORING_INSTANCE_ID")) {
        ((ObjectNode) var).put("name", "HOSTNAME");
      }
    }
    assertThat(deploymentProblems(plainSecret, secrets, good.secretName)).containsExactlyInAnyOrder(
        "MENTORING_INSTANCE_ID does not come from the pod name (downward API)",
        "SLACK_SIGNING_SECRET does not come from a key of the Secret " + good.secretName);

    ObjectNode otherService = good.service.deepCopy();
    ((ObjectNode) otherService.at("/spec/selector")).put("app.kubernetes.io/name", "something-else");
    ((ObjectNode) otherService.at("/spec/ports/0")).put("targetPort", "web");
    assertThat(serviceProblems(otherService, good.deployment)).hasSize(2);

    ObjectNode zeroBudget = good.budget.deepCopy();
    ((ObjectNode) zeroBudget.path("spec")).put("minAvailable", 0);
    assertThat(budgetProblems(zeroBudget, good.deployment)).hasSize(1);
  }

  @Test
  void theRendererRefusesWhatItCannotRenderFaithfully() {
    ChartRenderer chart = new ChartRenderer(CHART);
    assertThat(chart.renderText("replicas: {{ .Values.replicaCount }}")).isEqualTo("replicas: 2");
    assertThat(chart.renderText("a:\n  {{- toYaml .Values.podDisruptionBudget | nindent 2 }}")).isEqualTo("a:\n  minAvailable: 1");
    assertThatThrownBy(() -> chart.renderText("x: {{ .Values.noSuchValue }}")).hasMessageContaining("no .Values.noSuchValue");
    assertThatThrownBy(() -> chart.renderText("{{ if .Values.replicaCount }}x{{ end }}")).hasMessageContaining("does not support");
    assertThatThrownBy(() -> chart.renderText("{{ include \"nope\" . }}")).hasMessageContaining("no template defined");
  }
}
