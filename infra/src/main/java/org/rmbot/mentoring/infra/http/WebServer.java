package org.rmbot.mentoring.infra.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * The one Jetty server: platform endpoints ({@code /slack/events}, {@code /api/messages}) plus
 * health, readiness and Prometheus metrics. Stopping it lets requests in flight finish.
 *
 * <p>Every request body, on every path, is limited to {@link Builder#maxRequestBytes} by Jetty's
 * {@link SizeLimitHandler}, in front of everything else: a declared length over the limit is
 * answered 413 before any of the body is read, and a body without a length (chunked) fails with
 * 413 as soon as it passes the limit, before any servlet has read it whole, parsed it or checked
 * its signature.
 */
public final class WebServer implements AutoCloseable {
  /** Slack's and Teams' payloads for this bot are a few KB (a Teams message is at most about 28 KB). */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;

  private final Server server;
  private final ServerConnector connector;

  private WebServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  public static final class Builder {
    private final Map<String, Servlet> endpoints = new LinkedHashMap<>();
    private String host = "0.0.0.0";
    private int port = 3000;
    private List<ReadinessCheck> checks = List.of();
    private PrometheusMeterRegistry registry;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder endpoint(String path, Servlet servlet) {
      endpoints.put(path, servlet);
      return this;
    }

    public Builder readiness(List<ReadinessCheck> checks) {
      this.checks = List.copyOf(checks);
      return this;
    }

    /** The largest request body any endpoint accepts; larger ones get 413. */
    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    public Builder metrics(PrometheusMeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    public WebServer start() throws Exception {
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost(host);
      connector.setPort(port);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      FilterHolder knownMethods = new FilterHolder(new KnownMethods());
      knownMethods.setAsyncSupported(true); // the Slack endpoint answers asynchronously (its ack deadline)
      context.addFilter(knownMethods, "/*", EnumSet.of(DispatcherType.REQUEST));
      context.addServlet(new ServletHolder(new HealthServlets.Alive()), "/healthz");
      context.addServlet(new ServletHolder(new HealthServlets.Ready(checks)), "/readyz");
      if (registry != null) {
        context.addServlet(new ServletHolder(new HealthServlets.Metrics(registry)), "/metrics");
      }
      endpoints.forEach((path, servlet) -> {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, path);
      });
      SizeLimitHandler limited = new SizeLimitHandler(maxRequestBytes, -1);
      limited.setHandler(context);
      server.setHandler(new GracefulHandler(limited));
      server.setStopTimeout(10_000);
      server.setStopAtShutdown(false);
      server.start();
      return new WebServer(server, connector);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
