package org.rmbot.mentoring.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the bot's PostgreSQL is: a JDBC URL plus optional credentials. Accepts the two forms
 * people paste: {@code postgresql://user:pass@host:5432/db} (as Heroku, Render and most
 * platforms print it) and {@code jdbc:postgresql://host/db?user=...}.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new DatabaseProblem("DATABASE_URL is empty");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
      throw new DatabaseProblem(
          "DATABASE_URL must start with postgresql:// or jdbc:postgresql: (got '"
              + redact(trimmed) + "')");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new DatabaseProblem("DATABASE_URL is not a valid URL: " + redact(trimmed));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new DatabaseProblem("DATABASE_URL has no host: " + redact(trimmed));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.isEmpty() || "/".equals(path)) {
      throw new DatabaseProblem("DATABASE_URL names no database (add /dbname): " + redact(trimmed));
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + path + query, user, password);
  }

  /** The URL with any password replaced, safe to print. */
  public static String redact(String url) {
    return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + redact(jdbcUrl) + ", user=" + user + "]";
  }
}
