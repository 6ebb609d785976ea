package org.rmbot.mentoring.infra.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small stand-in for {@code helm template}, which is not available from Debian's
 * packages on the build machines. It renders the chart's templates with the chart's own
 * {@code values.yaml}, supporting only what the chart uses:
 *
 * <ul>
 *   <li>{@code {{- ... -}}} whitespace trimming and {@code {{/* ... *}}} comments;
 *   <li>{@code define "name"} blocks in {@code _helpers.tpl} and {@code include "name" .};
 *   <li>{@code .Values.a.b} (a missing value is an error, not an empty string), {@code .Chart.Name},
 *       {@code .Chart.Version}, {@code .Chart.AppVersion}, {@code .Release.Name} ("release"),
 *       {@code .Release.Namespace}, {@code .Release.Service};
 *   <li>pipelines of {@code printf} (only {@code %s}), {@code quote}, {@code trunc}, {@code trimSuffix},
 *       {@code toYaml}, {@code indent} and {@code nindent}, with Helm's argument order.
 * </ul>
 *
 * Anything else ({@code if}, {@code range}, {@code with}, other functions) makes rendering fail
 * with the expression named, so a template that outgrows this check cannot pass it silently; at
 * that point switch the test to {@code helm template}.
 */
final class ChartRenderer {
  static final String RELEASE = "release";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);
  private static final Pattern DEFINE = Pattern.compile(
      "\\{\\{\\s*define\\s+\"([^\"]+)\"\\s*\\}\\}(.*?)\\{\\{\\s*end\\s*\\}\\}", Pattern.DOTALL);
  private static final Object CONTEXT = new Object();

  private final JsonNode values;
  private final JsonNode chart;
  private final Map<String, String> defines = new HashMap<>();

  ChartRenderer(Path chartDir) {
    this.values = read(chartDir.resolve("values.yaml"));
    this.chart = read(chartDir.resolve("Chart.yaml"));
    Path helpers = chartDir.resolve("templates").resolve("_helpers.tpl");
    if (Files.exists(helpers)) {
      Matcher m = DEFINE.matcher(prepare(readString(helpers)));
      while (m.find()) {
        defines.put(m.group(1), m.group(2));
      }
    }
  }

  JsonNode values() {
    return values;
  }

  JsonNode chart() {
    return chart;
  }

  /** Renders one template file. */
  String render(Path template) {
    return renderText(readString(template));
  }

  String renderText(String template) {
    // define blocks render to nothing where they stand (as in _helpers.tpl); include uses them
    return substitute(DEFINE.matcher(prepare(template)).replaceAll(""));
  }

  static JsonNode read(Path yaml) {
    try {
      return YAML.readTree(yaml.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(yaml + ": " + e.getMessage(), e);
    }
  }

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage() + "\n" + yaml, e);
    }
  }

  /** Drops comments and applies Helm's trim markers: "{{- " eats whitespace before, " -}}" after. */
  private static String prepare(String text) {
    return text.replaceAll("[ \\t\\r\\n]*\\{\\{- ?/\\*.*?\\*/ ?-?\\}\\}[ \\t\\r\\n]*", "\n")
        .replaceAll("\\{\\{/\\*.*?\\*/\\}\\}", "")
        .replaceAll("[ \\t\\r\\n]*\\{\\{-\\s", "{{ ")
        .replaceAll("\\s-\\}\\}[ \\t\\r\\n]*", " }}");
  }

  private String substitute(String text) {
    Matcher m = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(text(evaluate(m.group(1).trim()))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Object evaluate(String pipeline) {
    Object value = null;
    boolean first = true;
    for (String command : pipeline.split("\\|")) {
      List<Object> args = new ArrayList<>();
      List<String> tokens = tokens(command.trim());
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("empty command in {{ " + pipeline + " }}");
      }
      for (String token : tokens.subList(1, tokens.size())) {
        args.add(term(token, pipeline));
      }
      if (!first) {
        args.add(value);
      }
      String head = tokens.get(0);
      value = head.startsWith(".") || head.startsWith("\"")
          ? (args.isEmpty() ? term(head, pipeline) : fail(pipeline))
          : function(head, args, pipeline);
      first = false;
    }
    return value;
  }

  private Object function(String name, List<Object> args, String pipeline) {
    switch (name) {
      case "include":
        String body = defines.get(text(args.get(0)));
        if (body == null) {
          throw new IllegalArgumentException("no template defined as " + args.get(0) + " in {{ " + pipeline + " }}");
        }
        return substitute(body);
      case "printf":
        return String.format(text(args.get(0)), args.subList(1, args.size()).stream().map(ChartRenderer::text).toArray());
      case "quote":
        return "\"" + text(args.get(0)).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case "trunc":
        String s = text(args.get(1));
        int n = Integer.parseInt(text(args.get(0)));
        return s.length() > n ? s.substring(0, n) : s;
      case "trimSuffix":
        String t = text(args.get(1));
        String suffix = text(args.get(0));
        return t.endsWith(suffix) ? t.substring(0, t.length() - suffix.length()) : t;
      case "toYaml":
        try {
          return YAML.writeValueAsString(args.get(0)).stripTrailing();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      case "indent":
        return indent(text(args.get(1)), Integer.parseInt(text(args.get(0))));
      case "nindent":
        return "\n" + indent(text(args.get(1)), Integer.parseInt(text(args.get(0))));
      default:
        return fail(pipeline);
    }
  }

  private Object term(String token, String pipeline) {
    if (token.equals(".")) {
      return CONTEXT;
    }
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1);
    }
    if (token.matches("-?\\d+")) {
      return token;
    }
    if (token.startsWith(".Values.")) {
      JsonNode node = values;
      for (String key : token.substring(".Values.".length()).split("\\.")) {
        node = node.get(key);
        if (node == null) {
          throw new IllegalArgumentException("values.yaml has no " + token + " (in {{ " + pipeline + " }})");
        }
      }
      return node;
    }
    switch (token) {
      case ".Chart.Name": return chart.path("name").asText();
      case ".Chart.Version": return chart.path("version").asText();
      case ".Chart.AppVersion": return chart.path("appVersion").asText();
      case ".Release.Name": return RELEASE;
      case ".Release.Namespace": return "default";
      case ".Release.Service": return "Helm";
      default: return fail(pipeline);
    }
  }

  private static Object fail(String pipeline) {
    throw new IllegalArgumentException("the structural chart check does not support {{ " + pipeline + " }}");
  }

  private static List<String> tokens(String command) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\S+").matcher(command);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String indent(String text, int n) {
    String pad = " ".repeat(n);
    return pad + text.replace("\n", "\n" + pad);
  }

  private static String text(Object value) {
    if (value == CONTEXT) {
      throw new IllegalArgumentException("the context '.' is not a string");
    }
    if (value instanceof JsonNode node) {
      return node.isValueNode() ? node.asText() : node.toString();
    }
    return String.valueOf(value);
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
