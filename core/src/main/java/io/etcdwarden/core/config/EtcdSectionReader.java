package io.etcdwarden.core.config;

import io.etcdwarden.core.config.WardenConfig.EtcdSection;

/** Reads the {@code etcd:} section; absent keys take {@link EtcdSection}'s defaults. */
final class EtcdSectionReader {
  private EtcdSectionReader() {}

  static EtcdSection read(ConfigSection section) {
    section.requireOnlyKeys(EtcdSection.KEYS);
    return new EtcdSection(
        section.list(EtcdSection.ENDPOINTS),
        section.path(EtcdSection.CACERT),
        section.path(EtcdSection.CERT),
        section.path(EtcdSection.KEY),
        section.duration(EtcdSection.TIMEOUT),
        section.port(EtcdSection.PORT, EtcdSection.DEFAULT_PORT),
        section.port(EtcdSection.MANAGEMENT_PORT, EtcdSection.DEFAULT_MANAGEMENT_PORT),
        section.text(EtcdSection.USER).filter(u -> !u.isEmpty()),
        section.path(EtcdSection.PASSWORD_FILE));
  }
}
