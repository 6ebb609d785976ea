package org.rmbot.mentoring.persistence;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the library unpacked the PostgreSQL programs, so the bot can run them itself before the
 * server starts ({@code postgres --single} to set the superuser's password). The library keeps
 * them in {@code <working dir>/PG-<md5 of the archive>} and says so nowhere: this resolver hands
 * it the same archive and notes its digest on the way through.
 */
final class PostgresBinaries implements PgBinaryResolver {
  static final PostgresBinaries INSTANCE = new PostgresBinaries();

  private volatile String digest;

  private PostgresBinaries() {}

  /** The library's own default working directory, named explicitly so both agree on it. */
  static Path workingDirectory() {
    return Path.of(System.getProperty("ot.epg.working-dir",
        Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    return new FilterInputStream(new DigestInputStream(archive, md5)) {
      private boolean closed;

      @Override
      public void close() throws IOException {
        super.close();
        // the library closes the stream twice; digest() resets, so take it once
        if (!closed) {
          closed = true;
          digest = HexFormat.of().formatHex(md5.digest());
        }
      }
    };
  }

  /** The command line for one of the programs, as the library runs it (in a user namespace when run as root). */
  List<String> command(String program, String... arguments) {
    if (digest == null) {
      throw new IllegalStateException("the PostgreSQL programs have not been unpacked yet");
    }
    Path binary = workingDirectory().resolve("PG-" + digest).resolve("bin").resolve(program);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("cannot find the embedded PostgreSQL's " + program + " at " + binary);
    }
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      // PostgreSQL refuses to run as root; the library runs it in a user namespace, and so must we
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(binary.toString());
    command.addAll(List.of(arguments));
    return command;
  }
}
