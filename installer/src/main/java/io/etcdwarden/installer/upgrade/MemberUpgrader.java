package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.install.StartupWait;
import io.etcdwarden.installer.release.ReleaseInstaller;
import io.etcdwarden.installer.service.ServiceManager;
import io.etcdwarden.installer.service.ServiceManagers;
import io.etcdwarden.installer.service.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Carries one member to the version its {@link UpgradePlan} names: puts the new binaries beside
 * the old, renders the config for the new version, stops the member, switches binaries and
 * config, starts it and waits (within the request's {@code wait}) until it is healthy, runs the
 * new version and has caught up with the leader. If it does not get there, the old binaries and
 * config go back and the member starts again on its old version; etcd's data is never touched
 * (etcd changes its data format only once the whole cluster runs the new version).
 */
public final class MemberUpgrader {
  private final EtcdClients clients;

  public MemberUpgrader(EtcdClients clients) {
    this.clients = clients;
  }

  public UpgradeOutcome upgrade(UpgradeRequest request, UpgradePlan plan) {
    MemberLayout layout = plan.layout();
    MemberRecord old = plan.record();
    String oldConfig = read(layout.configFile());
    String newConfig = ConfigForVersion.render(layout.configFile(), plan.to());
    Path prefix = request.release() != null ? request.prefix().toAbsolutePath() : null;
    BinarySwitch before = BinarySwitch.current(layout, old, oldConfig, prefix);
    Optional<Path> unpacked = Optional.empty();
    Optional<Path> created = Optional.empty();
    if (prefix != null) {
      List<Path> present = children(prefix);
      Path folder = new ReleaseInstaller().unpack(request.release(), request.releaseSha256(),
          prefix);
      unpacked = Optional.of(folder);
      created = present.contains(folder) ? Optional.empty() : unpacked;
    }
    BinarySwitch after = newBinaries(request, plan, newConfig, prefix, unpacked);
    keepCopy(layout.configFile(), oldConfig, plan.from());
    ServiceManager services = ServiceManagers.forMode(old.serviceMode());
    ServiceSpec oldSpec = layout.serviceSpec(old.name(), old.etcdBinary());
    ServiceSpec newSpec = layout.serviceSpec(old.name(), after.record().etcdBinary());
    long deadline = System.nanoTime() + request.waitLimit().toNanos();
    long stopped = System.nanoTime();
    services.remove(oldSpec);
    try {
      after.apply();
      services.start(newSpec);
      new StartupWait(() -> services.isRunning(newSpec), layout.logFile())
          .awaitHealthy(old.metricsUrl(), left(deadline));
      new CatchUp(new UpgradePreflight(clients)).await(old, plan.to(), deadline);
    } catch (RuntimeException e) {
      WardenException failure = rollBack(services, newSpec, oldSpec, before, plan,
          request.waitLimit(), e);
      created.ifPresent(folder -> deleteQuietly(folder, failure));
      throw failure;
    }
    Duration restart = Duration.ofNanos(System.nanoTime() - stopped);
    return new UpgradeOutcome(plan, restart, new CatchUp(new UpgradePreflight(clients))
        .standing(old, plan.to(), new ClusterVersionProbe(clients.target()), deadline));
  }

  private static BinarySwitch newBinaries(UpgradeRequest request, UpgradePlan plan,
      String config, Path prefix, Optional<Path> unpacked) {
    MemberRecord old = plan.record();
    Path etcd;
    Optional<Path> link = Optional.empty();
    if (prefix != null) {
      link = unpacked;
      etcd = prefix.resolve(ReleaseInstaller.CURRENT).resolve("etcd");
    } else {
      etcd = request.etcdBinDir().toAbsolutePath().resolve("etcd");
    }
    MemberRecord record = new MemberRecord(old.name(), old.caDir(), etcd, old.serviceMode(),
        old.clientUrl(), old.metricsUrl());
    return new BinarySwitch(plan.layout(), record, config, prefix, link);
  }

  private WardenException rollBack(ServiceManager services, ServiceSpec newSpec,
      ServiceSpec oldSpec, BinarySwitch before, UpgradePlan plan, Duration wait,
      RuntimeException cause) {
    String name = plan.record().name();
    String failed = "upgrade of " + name + " to " + plan.to() + " failed: " + cause.getMessage();
    try {
      services.remove(newSpec);
      before.apply();
      services.start(oldSpec);
      new StartupWait(() -> services.isRunning(oldSpec), before.layout().logFile())
          .awaitHealthy(plan.record().metricsUrl(), wait);
    } catch (RuntimeException e) {
      WardenException worse = new WardenException(failed + "; switching back to " + plan.from()
          + " failed too: " + e.getMessage() + "; the old config is kept beside "
          + before.layout().configFile() + ", etcd's data is untouched", cause);
      worse.addSuppressed(e);
      return worse;
    }
    return new WardenException(failed + "; rolled back: " + name + " runs " + plan.from()
        + " again with its old config and is healthy; etcd's data was not touched", cause);
  }

  /** What {@code prefix} holds now (absolute paths), nothing when it does not exist. */
  private static List<Path> children(Path prefix) {
    if (!Files.isDirectory(prefix)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(prefix)) {
      return list.map(Path::toAbsolutePath).toList();
    } catch (IOException e) {
      throw new WardenException("cannot list " + prefix + ": " + e.getMessage(), e);
    }
  }

  /** Removes the release folder this run unpacked; a failure to do so is noted, not thrown. */
  private static void deleteQuietly(Path folder, WardenException failure) {
    try {
      io.etcdwarden.installer.files.DirectoryTree.delete(folder);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new WardenException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Keeps the config as it was before the upgrade beside it, for the operator. */
  private static void keepCopy(Path configFile, String config, EtcdVersion version) {
    new io.etcdwarden.installer.config.EtcdConfigWriter().write(
        configFile.resolveSibling(configFile.getFileName() + ".before-" + version), config);
  }
}
