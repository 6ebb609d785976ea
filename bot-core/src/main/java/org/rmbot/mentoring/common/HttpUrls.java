package org.rmbot.mentoring.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a configured web address: an absolute {@code http} or {@code https} URL with a host. */
public final class HttpUrls {
  private HttpUrls() {}

  /** {@code value}, or an IllegalArgumentException naming the variable {@code name}. */
  public static String require(String name, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(name + " must be an http:// or https:// address, not '" + value + "'");
  }
}
