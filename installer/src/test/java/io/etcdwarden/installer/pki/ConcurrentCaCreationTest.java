package io.etcdwarden.installer.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs that share a CA directory which does not exist yet, started at once: exactly one
 * CA is created, every caller (thread or process) gets that CA, and it is the one on disk.
 */
class ConcurrentCaCreationTest {
  private static final int CALLERS = 6;
  @TempDir Path dir;

  @Test
  void threadsRacingOnAMissingCaDirectoryAllGetOneCa() throws Exception {
    Path caDir = dir.resolve("pki/not/yet");
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> callers = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      callers.add(pool.submit(() -> {
        start.await();
        return fingerprint(Pki.loadOrCreateCa(caDir, "etcd-warden CA", Duration.ofDays(365)));
      }));
    }
    start.countDown();
    pool.shutdown();
    Set<String> cas = new HashSet<>();
    for (Future<String> caller : callers) {
      cas.add(caller.get(60, TimeUnit.SECONDS));
    }

    assertThat(cas).hasSize(1).containsExactly(fingerprint(Pki.loadCa(caDir)));
  }

  @Test
  void processesRacingOnAMissingCaDirectoryAllGetOneCa() throws Exception {
    Path caDir = dir.resolve("shared-pki");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      processes.add(new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), CaCreator.class.getName(),
          caDir.toString()).redirectErrorStream(true).start());
    }
    Set<String> cas = new HashSet<>();
    for (Process process : processes) {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      cas.add(out.strip());
    }

    assertThat(cas).hasSize(1).containsExactly(fingerprint(Pki.loadCa(caDir)));
  }

  private static String fingerprint(Pki pki) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(pki.caCertificate().getEncoded()));
  }
}
