package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One etcd member run directly as a child process, for hosts without systemd. It is started
 * with {@code etcd --config-file}, its stdout and stderr appended straight to a log file (no
 * pipe that could fill up and stall etcd), and watched: {@link #awaitHealthy} waits for the
 * member's {@code /health} but gives up at once, quoting the log, if etcd exits. Stopping sends
 * SIGTERM first so that a leader hands over leadership, and SIGKILL only after a grace period.
 */
public final class EtcdProcess implements AutoCloseable {
  /** The grace period {@link #close()} gives etcd to exit after SIGTERM. */
  public static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** Null when attached to a process another JVM started (see {@link #attach}). */
  private final Process process;
  private final ProcessHandle handle;
  private final Path logFile;

  private EtcdProcess(Process process, ProcessHandle handle, Path logFile) {
    this.process = process;
    this.handle = handle;
    this.logFile = logFile;
  }

  /**
   * The running etcd with process id {@code pid}, if it is one started with {@code configFile}
   * (a recycled pid that now belongs to some other program is not ours to stop). Lets a later
   * command stop or watch a member that an earlier command started.
   */
  public static Optional<EtcdProcess> attach(long pid, Path configFile, Path logFile) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().map(c -> c.contains(configFile.toString()))
            .orElse(false))
        .map(h -> new EtcdProcess(null, h, logFile));
  }

  /**
   * Launches etcd and returns at once. It does not wait for health: members of a new cluster
   * only become healthy once a quorum of them runs, so the caller starts them all first.
   */
  public static EtcdProcess start(Path etcdBinary, Path configFile, Path logFile) {
    return start(List.of(), etcdBinary, configFile, logFile);
  }

  /**
   * Like {@link #start}, but etcd runs in a session of its own (through {@code setsid}, which
   * execs in place, so the pid stays etcd's): a member installed from an operator's terminal
   * must not die with the SIGHUP sent when that terminal closes.
   */
  public static EtcdProcess startInNewSession(Path etcdBinary, Path configFile, Path logFile) {
    return start(EtcdLaunch.newSession(), etcdBinary, configFile, logFile);
  }

  private static EtcdProcess start(List<String> prefix, Path etcdBinary, Path configFile,
      Path logFile) {
    Process process = EtcdLaunch.launch(prefix, etcdBinary, configFile, logFile);
    return new EtcdProcess(process, process.toHandle(), logFile);
  }

  /**
   * Polls {@code healthUrl} (a plain-HTTP {@code /health} on {@code listen-metrics-urls}) about
   * every 100 ms until etcd reports healthy. Fails at once if etcd exits, with the reason from
   * its log; fails after {@code timeout} otherwise.
   */
  public void awaitHealthy(URI healthUrl, Duration timeout) {
    HealthWait.untilHealthy(this, healthUrl, timeout);
  }

  /** Whether the etcd process is still running. */
  public boolean isAlive() {
    return handle.isAlive();
  }

  /** The operating system's id of the etcd process. */
  public long pid() {
    return handle.pid();
  }

  /** etcd's exit code, once it has exited. */
  public OptionalInt exitCode() {
    if (process == null || handle.isAlive()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(process.exitValue());
  }

  /** Where etcd's stdout and stderr go. */
  public Path logFile() {
    return logFile;
  }

  /** SIGTERM, then SIGKILL if etcd is still running after {@code grace}. Idempotent. */
  public void stop(Duration grace) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      if (!waitForExit(grace.toNanos())) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
      throw new WardenException("interrupted while stopping etcd (pid " + pid() + ")", e);
    }
  }

  /** SIGKILL, and wait for the process to be gone, as a crashed member would be. Idempotent. */
  public void kill() {
    handle.destroyForcibly();
    try {
      if (!waitForExit(KILL_WAIT.toNanos())) {
        throw new WardenException(
            "etcd (pid " + pid() + ") is still running " + describe(KILL_WAIT)
                + " after SIGKILL; check the host (stuck disk I/O?)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while waiting for etcd (pid " + pid() + ") to die", e);
    }
  }

  /** Stops etcd with a {@link #CLOSE_GRACE} grace period. */
  @Override
  public void close() {
    stop(CLOSE_GRACE);
  }

  /** Waits up to {@code nanos} for the process to exit; true if it has. */
  boolean waitForExit(long nanos) throws InterruptedException {
    if (process != null) {
      return process.waitFor(nanos, TimeUnit.NANOSECONDS);
    }
    try {
      handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("waiting for pid " + pid() + " failed", e);
    }
  }

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
