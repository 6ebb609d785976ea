package org.rmbot.mentoring.infra.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /healthz} (the process answers), {@code /readyz} (it can do its work) and {@code /metrics}. */
final class HealthServlets {
  private HealthServlets() {}

  static final class Alive extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain;charset=utf-8");
      resp.getWriter().write("ok\n");
    }
  }

  static final class Ready extends HttpServlet {
    private final List<ReadinessCheck> checks;

    Ready(List<ReadinessCheck> checks) {
      this.checks = checks;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      Map<String, String> problems = new LinkedHashMap<>();
      StringBuilder body = new StringBuilder("{\"checks\":{");
      boolean first = true;
      for (ReadinessCheck check : checks) {
        String problem;
        try {
          problem = check.problem();
        } catch (RuntimeException e) {
          problem = e.getClass().getSimpleName();
        }
        if (problem != null) {
          problems.put(check.name(), problem);
        }
        body.append(first ? "" : ",").append('"').append(check.name()).append("\":\"")
            .append(problem == null ? "ok" : problem.replace("\"", "'")).append('"');
        first = false;
      }
      body.append("},\"ready\":").append(problems.isEmpty()).append("}\n");
      resp.setStatus(problems.isEmpty() ? 200 : 503);
      resp.setContentType("application/json");
      resp.getWriter().write(body.toString());
    }
  }

  static final class Metrics extends HttpServlet {
    private final PrometheusMeterRegistry registry;

    Metrics(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
      resp.getWriter().write(registry.scrape());
    }
  }
}
