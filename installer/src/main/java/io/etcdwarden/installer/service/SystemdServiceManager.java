package io.etcdwarden.installer.service;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs etcd as a systemd unit ({@code etcd-NAME.service} in an injected unit directory, normally
 * {@code /etc/systemd/system}) and drives it with {@code systemctl}. Only usable where systemd
 * is the init system, which {@link ServiceManagers} checks through {@code /run/systemd/system}.
 * The member runs as the system user {@link SystemdUnitRenderer#USER}, created if needed and
 * given the member's folder. The unit is {@code Type=notify} and etcd only reports ready once a
 * quorum of members runs, so it is started with {@code --no-block} (the first host of a new
 * cluster would otherwise wait for the others forever) and the installer waits for the member
 * itself; a unit still "activating" counts as running.
 */
public final class SystemdServiceManager implements ServiceManager {
  private final Path unitDir;
  private final List<String> systemctl;

  public SystemdServiceManager(Path unitDir) {
    this(unitDir, List.of("systemctl"));
  }

  /**
   * With {@code systemctl} as the command that reaches the service manager (tests drive a
   * systemd in its own namespaces through {@code nsenter ... systemctl}).
   */
  public SystemdServiceManager(Path unitDir, List<String> systemctl) {
    this.unitDir = unitDir;
    this.systemctl = List.copyOf(systemctl);
  }

  @Override
  public void start(ServiceSpec spec) {
    register(spec);
    systemctl(true, "enable", spec.unitName());
    systemctl(true, "start", "--no-block", spec.unitName());
  }

  /** Writes the unit and reloads systemd; not enabled, so a reboot does not start it. */
  @Override
  public void register(ServiceSpec spec) {
    SystemUser user = new SystemUser(SystemdUnitRenderer.USER);
    user.ensure();
    user.own(spec.configFile().toAbsolutePath().getParent());
    new AtomicFileWriter().write(unitDir.resolve(spec.unitName()),
        new SystemdUnitRenderer().render(spec).getBytes(StandardCharsets.UTF_8),
        AtomicFileWriter.WORLD_READABLE);
    systemctl(true, "daemon-reload");
  }

  /** Active, or activating: etcd waiting for its peers before it reports ready. */
  @Override
  public boolean isRunning(ServiceSpec spec) {
    String state = output("show", "--property=ActiveState", "--value", spec.unitName()).strip();
    return state.equals("active") || state.equals("activating") || state.equals("reloading");
  }

  @Override
  public void remove(ServiceSpec spec) {
    Path unit = unitDir.resolve(spec.unitName());
    if (!Files.exists(unit)) {
      return;
    }
    systemctl(false, "disable", "--now", spec.unitName());
    try {
      Files.delete(unit);
    } catch (IOException e) {
      throw new WardenException("cannot delete " + unit + ": " + e.getMessage(), e);
    }
    systemctl(true, "daemon-reload");
  }

  @Override
  public String mode() {
    return "systemd";
  }

  private int systemctl(boolean mustSucceed, String... args) {
    return call(mustSucceed, args).exitCode();
  }

  private String output(String... args) {
    return call(false, args).output();
  }

  private record Result(int exitCode, String output) {}

  private Result call(boolean mustSucceed, String... args) {
    List<String> command = new ArrayList<>(systemctl);
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new WardenException(String.join(" ", command) + " did not finish within 60 s");
      }
      if (mustSucceed && process.exitValue() != 0) {
        throw new WardenException(String.join(" ", command) + " failed: " + output.strip());
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new WardenException("cannot run systemctl: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
