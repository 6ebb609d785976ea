package org.rmbot.mentoring.infra.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers 405 to any method the endpoints do not use. Without it a servlet answers a method it
 * does not know (PATCH, PROPFIND, anything) with 501, a server error, and TRACE echoes the
 * request's headers back.
 */
final class KnownMethods extends HttpFilter {
  private static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "OPTIONS");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!KNOWN.contains(request.getMethod())) {
      response.setHeader("Allow", String.join(", ", KNOWN));
      response.sendError(405);
      return;
    }
    chain.doFilter(request, response);
  }
}
