package org.rmbot.mentoring.access;

import java.util.List;

/** Workspace admins: bootstrapped from configuration, they make people coordinators. */
public interface Admins {
  void grant(long personId);

  boolean isAdmin(long personId);

  List<Long> all();
}
