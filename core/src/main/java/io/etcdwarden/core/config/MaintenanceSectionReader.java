package io.etcdwarden.core.config;

/** Reads the {@code maintenance:} section; absent keys mean "off" ({@link MaintenanceSection}). */
final class MaintenanceSectionReader {
  private MaintenanceSectionReader() {}

  static MaintenanceSection read(ConfigSection section) {
    section.requireOnlyKeys(MaintenanceSection.KEYS);
    MaintenanceSection read = new MaintenanceSection(
        section.text(MaintenanceSection.DEFRAG_SCHEDULE, ""),
        section.text(MaintenanceSection.DEFRAG_RULE, ""),
        section.duration(MaintenanceSection.COMPACT_RETAIN));
    // Validated here, once, naming the key; the daemon parses it again when it starts.
    read.cronSchedule();
    return read;
  }
}
