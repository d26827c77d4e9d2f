package io.etcdwarden.core.config;

import java.util.List;
import java.util.Optional;

/** Reads the {@code maintenance:} section; absent keys mean "off" ({@link MaintenanceSection}). */
final class MaintenanceSectionReader {
  private MaintenanceSectionReader() {}

  static MaintenanceSection read(ConfigSection section) {
    section.requireOnlyKeys(MaintenanceSection.KEYS);
    MaintenanceSection read = new MaintenanceSection(
        section.text(MaintenanceSection.DEFRAG_SCHEDULE, ""),
        section.text(MaintenanceSection.DEFRAG_RULE, ""),
        section.duration(MaintenanceSection.COMPACT_RETAIN),
        backupGate(section),
        section.path(MaintenanceSection.ETCD_CONFIG));
    // Validated here, once, naming the key; the daemon parses it again when it starts.
    read.cronSchedule();
    return read;
  }

  /** YAML reads an unquoted {@code off} as false (and {@code on} as true): both mean the same. */
  private static Optional<String> backupGate(ConfigSection section) {
    if (!section.has(MaintenanceSection.BACKUP_GATE)) {
      return Optional.empty();
    }
    String text = section.text(MaintenanceSection.BACKUP_GATE, "");
    if (text.equals("false")) {
      return Optional.of(MaintenanceSection.OFF);
    }
    if (text.equals("true")) {
      return Optional.of(MaintenanceSection.SNAPSHOT_FIRST);
    }
    return Optional.of(section.choice(MaintenanceSection.BACKUP_GATE,
        List.of(MaintenanceSection.SNAPSHOT_FIRST, MaintenanceSection.OFF), ""));
  }
}
