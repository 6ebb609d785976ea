package org.rmbot.mentoring.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: Bolt's servlet, guarded so that a request Bolt cannot parse (a
 * truncated payload, JSON that is not JSON) gets 400 instead of a server error page. Signature
 * checks happen inside Bolt first, so an unsigned request still gets Bolt's 401.
 */
public final class SlackEventsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  private final SlackAppServlet bolt;

  public SlackEventsServlet(App app) {
    this.bolt = new SlackAppServlet(app);
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    bolt.init(config);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      bolt.service(request, response);
    } catch (ServletException | RuntimeException e) {
      log.warn("refused a Slack request Bolt could not read: {}", e.getClass().getSimpleName());
      if (!response.isCommitted()) {
        response.reset();
        response.setStatus(400);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"bad request\"}");
      }
    }
  }
}
