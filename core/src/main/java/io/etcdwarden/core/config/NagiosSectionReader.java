package io.etcdwarden.core.config;

import io.etcdwarden.core.config.WardenConfig.NagiosSection;

/** Reads the {@code nagios:} section; absent keys take the charm's defaults. */
final class NagiosSectionReader {
  private NagiosSectionReader() {}

  static NagiosSection read(ConfigSection section) {
    section.requireOnlyKeys(NagiosSection.KEYS);
    return new NagiosSection(
        section.name(NagiosSection.NAGIOS_CONTEXT, NagiosSection.DEFAULT_NAGIOS_CONTEXT),
        section.text(NagiosSection.NAGIOS_SERVICEGROUPS, NagiosSection.DEFAULT_NAGIOS_SERVICEGROUPS));
  }
}
