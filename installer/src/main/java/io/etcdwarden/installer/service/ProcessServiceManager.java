package io.etcdwarden.installer.service;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import io.etcdwarden.installer.process.EtcdProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs etcd as a direct child process, for hosts without systemd (containers, these CI
 * machines). The pid file lets a later command find it again; a pid is only trusted when that
 * process's command line still names the member's config file, so a recycled pid is never
 * signalled. Unlike systemd it does not restart a crashed etcd: the operator's monitoring
 * ({@code etcd-warden check cluster}) has to notice.
 */
public final class ProcessServiceManager implements ServiceManager {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * Children this manager launched, trusted through their own handle: until the exec completes,
   * a child's command line is still the JVM's spawn helper's, and the pid-file check alone
   * would call a starting etcd dead.
   */
  private final Map<Path, EtcdProcess> launched = new ConcurrentHashMap<>();

  @Override
  public void start(ServiceSpec spec) {
    if (find(spec).isEmpty()) {
      launch(spec);
    }
  }

  /**
   * Starts etcd and records its pid, whether or not it already runs (callers check); returns
   * the child process, which, unlike one found again through the pid file, knows its exit code.
   */
  public EtcdProcess launch(ServiceSpec spec) {
    EtcdProcess process =
        EtcdProcess.startInNewSession(spec.etcdBinary(), spec.configFile(), spec.logFile());
    launched.put(spec.configFile(), process);
    new AtomicFileWriter().write(spec.pidFile(),
        (process.pid() + "\n").getBytes(StandardCharsets.UTF_8), AtomicFileWriter.OWNER_ONLY);
    return process;
  }

  @Override
  public boolean isRunning(ServiceSpec spec) {
    return find(spec).isPresent();
  }

  @Override
  public void remove(ServiceSpec spec) {
    find(spec).ifPresent(p -> p.stop(STOP_GRACE));
    awaitExitOfRecordedPid(spec);
    forget(spec);
  }

  /**
   * A member just removed from its cluster shuts itself down, and while it exits its command
   * line is already gone, so {@link #running} no longer recognises it. Only waits (never
   * signals) for the recorded pid, bounded by the stop grace, so "stopped" is true on return.
   */
  private static void awaitExitOfRecordedPid(ServiceSpec spec) {
    readPid(spec).flatMap(ProcessHandle::of).ifPresent(handle -> {
      try {
        handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Still there after the grace: not an etcd of ours exiting (a recycled pid); leave it.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** SIGKILL, as a crash or a power cut would (failover tests), and forget the pid. */
  public void kill(ServiceSpec spec) {
    find(spec).ifPresent(EtcdProcess::kill);
    forget(spec);
  }

  private void forget(ServiceSpec spec) {
    launched.remove(spec.configFile());
    try {
      Files.deleteIfExists(spec.pidFile());
    } catch (IOException e) {
      throw new WardenException("cannot delete " + spec.pidFile() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String mode() {
    return "process";
  }

  /** The member's running etcd: a child launched here, else the one its pid file names. */
  public Optional<EtcdProcess> find(ServiceSpec spec) {
    EtcdProcess mine = launched.get(spec.configFile());
    if (mine != null && mine.isAlive()) {
      return Optional.of(mine);
    }
    return running(spec);
  }

  /** The member's running etcd, found through its pid file, if it runs. */
  public static Optional<EtcdProcess> running(ServiceSpec spec) {
    return readPid(spec).flatMap(pid -> EtcdProcess.attach(pid, spec.configFile(),
        spec.logFile()));
  }

  private static Optional<Long> readPid(ServiceSpec spec) {
    try {
      return Optional.of(Long.parseLong(Files.readString(spec.pidFile()).trim()));
    } catch (IOException | NumberFormatException e) {
      // No pid file or a torn one: as far as we can tell the member is not running.
      return Optional.empty();
    }
  }
}
