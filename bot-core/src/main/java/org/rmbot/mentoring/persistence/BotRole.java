package org.rmbot.mentoring.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The role the bot connects as on its embedded server, set up by the superuser at every start:
 * it logs in with a password made afresh for this run (kept in memory only), is no superuser,
 * and owns the schema and everything in it, so migrations and Quartz's tables work as before.
 *
 * <p>Beyond owning its tables it may: create roles (so a migration can make NOLOGIN helper
 * roles, which it then holds itself; since PostgreSQL 16 a CREATEROLE role cannot grant what it
 * does not hold, such as {@code pg_read_server_files}, nor change another role); checkpoint, switch the WAL file and
 * rewrite the statistics catalog, which erasure needs so that nothing of an erased person stays
 * in pages, statistics or WAL ({@link Compaction}).
 */
final class BotRole {
  private BotRole() {}

  static void prepare(DataSource admin, String role, String password) throws SQLException {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
          + " create role " + role + "; end if; end $$");
      s.execute("alter role " + role + " login nosuperuser createrole nocreatedb noreplication nobypassrls inherit");
      // a role it creates is granted to it, so a migration can act as (SET ROLE) or drop its helper role
      s.execute("alter role " + role + " set createrole_self_grant = 'set, inherit'");
      c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
      s.execute("grant pg_checkpoint to " + role);
      s.execute("grant execute on function pg_switch_wal() to " + role);
      s.execute("grant maintain on pg_catalog.pg_statistic to " + role);
      s.execute("alter schema public owner to " + role);
      s.execute(handOverEverythingIn("public", role));
    }
  }

  /** What an earlier version created as the superuser becomes the bot role's (a no-op once it is). */
  private static String handOverEverythingIn(String schema, String role) {
    return """
        do $$
        declare r record;
        begin
          for r in
            select c.oid::regclass as object, case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                     when 'm' then 'materialized view' when 'f' then 'foreign table' when 'c' then 'type'
                     else 'table' end as kind
            from pg_class c
            where c.relnamespace = '%1$s'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S', 'c')
              and c.relowner <> '%2$s'::regrole
              -- identity and serial sequences follow their table
              and not (c.relkind = 'S' and exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                       and d.objid = c.oid and d.deptype in ('a', 'i')))
          loop
            execute format('alter %%s %%s owner to %2$s', r.kind, r.object);
          end loop;
          for r in select p.oid::regprocedure as object from pg_proc p
                   where p.pronamespace = '%1$s'::regnamespace and p.proowner <> '%2$s'::regrole loop
            execute format('alter routine %%s owner to %2$s', r.object);
          end loop;
          for r in select t.oid::regtype as object, case t.typtype when 'd' then 'domain' else 'type' end as kind
                   from pg_type t
                   where t.typnamespace = '%1$s'::regnamespace and t.typtype in ('e', 'd', 'r')
                     and t.typowner <> '%2$s'::regrole loop
            execute format('alter %%s %%s owner to %2$s', r.kind, r.object);
          end loop;
        end $$""".formatted(schema, role);
  }
}
