package org.rmbot.mentoring.nudge.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Gives Quartz connections from the bot's own HikariCP pool (a "non-managed" data source in
 * Quartz's terms: Quartz commits itself). The pool belongs to the bot, so Quartz shutting down
 * does not close it.
 */
final class PooledConnectionProvider implements ConnectionProvider {
  private final DataSource dataSource;

  PooledConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void initialize() {}

  @Override
  public void shutdown() {}
}
