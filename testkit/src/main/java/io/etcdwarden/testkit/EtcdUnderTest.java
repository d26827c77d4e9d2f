package io.etcdwarden.testkit;

import io.etcdwarden.core.version.EtcdLine;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.process.EtcdBinary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The etcd the integration tests run against. The build's failsafe executions set {@code
 * ETCD_VERSION} (a minor such as 3.6) with {@code ETCD_BIN} and {@code PATH} pointing at the
 * folder {@code testkit/etcd-versions} prepared; without them the tests use whatever etcd is on
 * PATH. A missing folder, or a binary of another minor than asked for, stops the test with
 * one line that says how to prepare it.
 */
public final class EtcdUnderTest {
  public static final String ETCD_VERSION = "ETCD_VERSION";

  private static volatile EtcdVersion checked;

  private EtcdUnderTest() {}

  /** The etcd executable, checked against {@code ETCD_VERSION} when that is set. */
  public static Path etcd() {
    return etcd(System.getenv());
  }

  static Path etcd(Map<String, String> env) {
    String wanted = env.get(ETCD_VERSION);
    if (wanted != null && !wanted.isBlank()) {
      String bin = env.getOrDefault(EtcdBinary.ETCD_BIN, "");
      if (bin.isBlank() || !Files.isExecutable(Path.of(bin).resolve("etcd"))
          && !Files.isExecutable(Path.of(bin))) {
        throw new IllegalStateException("etcd " + wanted + " is not prepared (ETCD_BIN=" + bin
            + "): run testkit/etcd-versions fetch " + wanted);
      }
    }
    Path etcd = EtcdBinary.locate(env);
    if (wanted != null && !wanted.isBlank() && checked == null) {
      EtcdVersion actual = version(etcd);
      if (!(actual.major() + "." + actual.minor()).equals(wanted.strip())
          && !actual.toString().equals(wanted.strip())) {
        throw new IllegalStateException("ETCD_VERSION=" + wanted + " but " + etcd + " is etcd "
            + actual + ": run testkit/etcd-versions fetch " + wanted);
      }
      checked = actual;
    }
    return etcd;
  }

  /** The version of the etcd under test, as its binary reports it. */
  public static EtcdVersion version() {
    EtcdVersion known = checked;
    return known != null ? known : version(etcd());
  }

  /**
   * The prepared folder of another etcd line (etcd, etcdctl and, from 3.5, etcdutl), for tests
   * that need two versions at once; the build passes the folders as {@code etcd.dir.MINOR}.
   */
  public static Path folder(EtcdLine line) {
    String dir = System.getProperty("etcd.dir." + line);
    if (dir == null || !Files.isExecutable(Path.of(dir).resolve("etcd"))) {
      throw new IllegalStateException("etcd " + line + " is not prepared (etcd.dir." + line + "="
          + dir + "): run testkit/etcd-versions fetch " + line);
    }
    return Path.of(dir);
  }

  /** Runs {@code BINARY --version} and reads its first line. */
  public static EtcdVersion version(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true)
          .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(binary + " --version did not finish in 20 s");
      }
      return EtcdVersion.fromVersionOutput(out, binary.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
