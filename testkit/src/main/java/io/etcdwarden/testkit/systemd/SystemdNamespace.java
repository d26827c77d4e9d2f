package io.etcdwarden.testkit.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real systemd running as PID 1 of its own PID and mount namespaces (no container: {@code
 * unshare --pid --fork --mount}, then {@code /lib/systemd/systemd --system}), with a private
 * {@code /run}, {@code /tmp} and {@code /etc/systemd/system} so it never touches the host's
 * (units written and enabled there stay in the namespace) and no boot units at all, started
 * on a target with no dependencies so it
 * runs only the units a test gives it. It shares the host's network and files, so units it
 * starts listen on host loopback ports. Tests reach it with {@link #systemctl()} ({@code nsenter}
 * into its namespaces) and write units into {@link #unitDir()}. {@link #close()} kills it, and
 * with it every process in its namespace. Needs root.
 */
public final class SystemdNamespace implements AutoCloseable {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Private /run, /tmp and /etc/systemd/system; boot's targets masked and default dependencies
   * off for every service, so starting a unit never pulls in sysinit.target (whose
   * systemd-tmpfiles-setup would empty the host's /tmp, systemd-sysctl set the host's kernel
   * parameters...) nor the host's enabled units.
   */
  private static final String BOOT = "mount -t tmpfs -o mode=0755 tmpfs /run"
      + " && mount -t tmpfs -o mode=1777 tmpfs /tmp"
      + " && mount -t tmpfs -o mode=0755 tmpfs /etc/systemd/system"
      + " && cd /etc/systemd/system"
      + " && for t in sysinit basic sockets timers paths local-fs remote-fs network"
      + " network-online network-pre multi-user graphical; do ln -s /dev/null $t.target; done"
      + " && mkdir service.d"
      + " && printf '[Unit]\\nDefaultDependencies=no\\n' > service.d/10-test-namespace.conf"
      + " && printf '[Unit]\\nDescription=test target\\nDefaultDependencies=no\\n'"
      + " > warden-test.target"
      + " && exec /lib/systemd/systemd --system --unit=warden-test.target";

  private final Process unshare;
  private final ProcessHandle systemd;

  private SystemdNamespace(Process unshare, ProcessHandle systemd) {
    this.unshare = unshare;
    this.systemd = systemd;
  }

  /** Starts systemd and waits until it reports {@code running}. */
  public static SystemdNamespace start() throws IOException, InterruptedException {
    Process unshare = new ProcessBuilder("unshare", "--pid", "--fork", "--mount",
        "--mount-proc", "--propagation", "private", "sh", "-c", BOOT)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      var child = unshare.children().findFirst();
      if (child.isPresent() && child.get().info().command().orElse("").endsWith("systemd")) {
        SystemdNamespace ns = new SystemdNamespace(unshare, child.get());
        if (ns.awaitRunning(deadline)) {
          return ns;
        }
        ns.close();
        throw new IOException("systemd in its namespace did not reach 'running' within "
            + BOOT_TIMEOUT.toSeconds() + " s");
      }
      if (!unshare.isAlive()) {
        throw new IOException("unshare + systemd exited with " + unshare.exitValue());
      }
      Thread.sleep(100);
    }
    unshare.destroyForcibly();
    throw new IOException("systemd did not start in its namespace within "
        + BOOT_TIMEOUT.toSeconds() + " s");
  }

  private boolean awaitRunning(long deadline) throws IOException, InterruptedException {
    while (System.nanoTime() < deadline) {
      String state = run("is-system-running").strip();
      if (state.equals("running") || state.equals("degraded")) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** The command that reaches this systemd: {@code nsenter -t PID -m -p systemctl}. */
  public List<String> systemctl() {
    return List.of("nsenter", "-t", Long.toString(systemd.pid()), "-m", "-p", "systemctl");
  }

  /** Its own {@code /etc/systemd/system}, seen from the host through {@code /proc/PID/root}. */
  public Path unitDir() {
    return Path.of("/proc", Long.toString(systemd.pid()), "root", "etc", "systemd", "system");
  }

  /** {@code systemctl show --property=NAME --value UNIT}. */
  public String property(String unit, String name) throws IOException, InterruptedException {
    return run("show", "--property=" + name, "--value", unit).strip();
  }

  /** Whether {@code unit}'s file exists in {@link #unitDir()}. */
  public boolean hasUnit(String unit) {
    return Files.exists(unitDir().resolve(unit));
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(systemctl());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out;
  }

  @Override
  public void close() {
    systemd.destroyForcibly(); // SIGKILL to a namespace's init ends every process in it
    try {
      unshare.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    unshare.destroyForcibly();
  }
}
