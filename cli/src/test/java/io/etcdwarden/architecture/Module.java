package io.etcdwarden.architecture;

import java.util.List;
import java.util.Set;

/**
 * The modules, bottom first, with the root package each one owns and the modules its pom
 * lets its main code use. The order is the design's: core; cloud-storage, installer; testkit;
 * checks, nrpe, backup; maintenance, plugins; daemon, restore; cli; bench is a leaf. A new module is
 * added here (and {@link ModuleDependenciesTest} fails until it is).
 */
enum Module {
  CORE("core", "io.etcdwarden.core", 0),
  CLOUD_STORAGE("cloud-storage", "io.etcdwarden.storage", 1, CORE),
  INSTALLER("installer", "io.etcdwarden.installer", 1, CORE),
  TESTKIT("testkit", "io.etcdwarden.testkit", 2, CORE, INSTALLER),
  CHECKS("checks", "io.etcdwarden.checks", 3, CORE, CLOUD_STORAGE),
  NRPE("nrpe", "io.etcdwarden.nrpe", 3, CORE),
  BACKUP("backup", "io.etcdwarden.backup", 3, CORE, CLOUD_STORAGE),
  MAINTENANCE("maintenance", "io.etcdwarden.maintenance", 4, CORE, CLOUD_STORAGE, BACKUP),
  PLUGINS("plugins", "io.etcdwarden.plugins", 4, CORE, CLOUD_STORAGE, CHECKS, NRPE, BACKUP),
  DAEMON("daemon", "io.etcdwarden.daemon", 5, CORE, CLOUD_STORAGE, CHECKS, BACKUP,
      MAINTENANCE, PLUGINS),
  RESTORE("restore", "io.etcdwarden.restore", 5, CORE, CLOUD_STORAGE, BACKUP, INSTALLER),
  CLI("cli", "io.etcdwarden.cli", 6, CORE, CLOUD_STORAGE, INSTALLER, CHECKS, NRPE, BACKUP,
      MAINTENANCE, PLUGINS, DAEMON, RESTORE),
  BENCH("bench", "io.etcdwarden.bench", 7,
      CORE, CLOUD_STORAGE, INSTALLER, TESTKIT, CHECKS, NRPE, BACKUP, MAINTENANCE, DAEMON,
      RESTORE);

  final String directory;
  final String rootPackage;
  final int level;
  final Set<Module> uses;

  Module(String directory, String rootPackage, int level, Module... uses) {
    this.directory = directory;
    this.rootPackage = rootPackage;
    this.level = level;
    this.uses = Set.of(uses);
  }

  /** The ArchUnit package pattern for this module's classes. */
  String packages() {
    return rootPackage + "..";
  }

  /** The names of the modules this one may use, as layer names. */
  String[] usedLayers() {
    return uses.stream().map(m -> m.directory).toArray(String[]::new);
  }

  static List<Module> all() {
    return List.of(values());
  }
}
