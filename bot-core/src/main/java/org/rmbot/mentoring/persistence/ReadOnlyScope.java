package org.rmbot.mentoring.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Work during which this thread may read the database but not write it: every connection it
 * takes from the pool runs with {@code default_transaction_read_only} until it goes back, so
 * any INSERT, UPDATE or DELETE, by any repository or adapter, fails with "cannot execute ... in a
 * read-only transaction". The anonymous feedback paths (opening the form, submitting it) run in
 * it, so nothing about the person can be written on the way by accident.
 */
public final class ReadOnlyScope {
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private ReadOnlyScope() {}

  public static <T> T run(Supplier<T> work) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return work.get();
    } finally {
      DEPTH.set(DEPTH.get() - 1);
    }
  }

  public static boolean active() {
    return DEPTH.get() > 0;
  }

  /** Installed on every {@code Database}'s Jdbi. */
  public static JdbiPlugin plugin() {
    return new JdbiPlugin() {
      @Override
      public Connection customizeConnection(Connection connection) throws SQLException {
        if (!active()) {
          return connection;
        }
        set(connection, "read only");
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                try {
                  set(connection, "read write");
                } finally {
                  connection.close();
                }
                return null;
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }
    };
  }

  private static void set(Connection connection, String mode) throws SQLException {
    boolean auto = connection.getAutoCommit();
    if (!auto) {
      connection.setAutoCommit(true);
    }
    try (Statement s = connection.createStatement()) {
      s.execute("set session characteristics as transaction " + mode);
    }
    if (!auto) {
      connection.setAutoCommit(false);
    }
  }
}
