package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.process.EtcdLogTail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a freshly started member until it is up, within a deadline, and fails at once, quoting
 * its log, if etcd exits. Two levels: <em>listening</em> (its metrics port accepts connections:
 * the process runs and has read its config and certificates) and <em>healthy</em> ({@code
 * /health} says {@code true}: it has a leader). A member of a new multi-member cluster can only
 * reach the first on its own, since a leader needs a quorum of members running.
 */
public final class StartupWait {
  private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).build();
  private final BooleanSupplier alive;
  private final Path logFile;

  public StartupWait(BooleanSupplier alive, Path logFile) {
    this.alive = alive;
    this.logFile = logFile;
  }

  /** Waits until something accepts connections on {@code metricsUrl}'s port. */
  public void awaitListening(URI metricsUrl, Duration timeout) {
    poll(timeout, "listening on " + metricsUrl, () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(metricsUrl.getHost(), metricsUrl.getPort()),
            (int) PROBE_TIMEOUT.toMillis());
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** Waits until {@code metricsUrl/health} reports healthy. */
  public void awaitHealthy(URI metricsUrl, Duration timeout) {
    URI health = metricsUrl.resolve("/health");
    poll(timeout, "healthy at " + health, () -> {
      HttpRequest request = HttpRequest.newBuilder(health).timeout(PROBE_TIMEOUT).GET().build();
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body()
            .replace(" ", "").contains("\"health\":\"true\"");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WardenException("interrupted while waiting for " + health, e);
      }
    });
  }

  private void poll(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean() && alive.getAsBoolean()) {
        return;
      }
      if (!alive.getAsBoolean()) {
        throw new WardenException("etcd exited before it was " + what + "; from " + logFile + ": "
            + new EtcdLogTail().lastMeaningfulLine(logFile));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new WardenException("etcd was not " + what + " within " + timeout.toSeconds()
            + " s; last entry in " + logFile + ": " + new EtcdLogTail().lastMeaningfulLine(logFile));
      }
      // Bounded pause between polls; the deadline above, not this pause, ends the wait.
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
