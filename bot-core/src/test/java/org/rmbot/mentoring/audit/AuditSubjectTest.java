package org.rmbot.mentoring.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typed subjects store exactly the strings that were stored before they were typed. */
class AuditSubjectTest {
  @Test
  void storesTheSameTextAsBefore() {
    assertThat(AuditSubject.person(7).stored()).isEqualTo("person 7");
    assertThat(AuditSubject.pairing(12).stored()).isEqualTo("pairing 12");
    assertThat(AuditSubject.program(3).stored()).isEqualTo("program 3");
    assertThat(AuditSubject.helpRequest(2).stored()).isEqualTo("help request 2");
    assertThat(AuditSubject.campaign(5).stored()).isEqualTo("campaign 5");
    assertThat(AuditSubject.form("ending").stored()).isEqualTo("form ending");
    assertThat(AuditSubject.described("3 pairs").stored()).isEqualTo("3 pairs");
  }

  @Test
  void aRemarkFollowsTheSubjectAsIs() {
    assertThat(AuditSubject.pairing(4).noting(" now active").stored()).isEqualTo("pairing 4 now active");
    assertThat(AuditSubject.campaign(9).noting(": 6 answers").stored()).isEqualTo("campaign 9: 6 answers");
  }
}
