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
 */
final class SystemdServiceManager implements ServiceManager {
  private final Path unitDir;

  public SystemdServiceManager(Path unitDir) {
    this.unitDir = unitDir;
  }

  @Override
  public void start(ServiceSpec spec) {
    new AtomicFileWriter().write(unitDir.resolve(spec.unitName()),
        new SystemdUnitRenderer().render(spec).getBytes(StandardCharsets.UTF_8),
        AtomicFileWriter.WORLD_READABLE);
    systemctl(true, "daemon-reload");
    systemctl(true, "enable", "--now", spec.unitName());
  }

  @Override
  public boolean isRunning(ServiceSpec spec) {
    return systemctl(false, "is-active", "--quiet", spec.unitName()) == 0;
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

  private static int systemctl(boolean mustSucceed, String... args) {
    List<String> command = new ArrayList<>(List.of("systemctl"));
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
      return process.exitValue();
    } catch (IOException e) {
      throw new WardenException("cannot run systemctl: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while running " + String.join(" ", command), e);
    }
  }
}
