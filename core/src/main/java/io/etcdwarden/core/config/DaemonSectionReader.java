package io.etcdwarden.core.config;

import io.etcdwarden.core.WardenException;
import java.time.Duration;

/** Reads the {@code daemon:} section; absent keys take {@link DaemonSection}'s defaults. */
final class DaemonSectionReader {
  /** Below a second the lease would expire between two keep-alives. */
  private static final Duration MIN_LOCK_TTL = Duration.ofSeconds(2);

  private DaemonSectionReader() {}

  static DaemonSection read(ConfigSection section, String source) {
    section.requireOnlyKeys(DaemonSection.KEYS);
    String listen = section.text(DaemonSection.LISTEN,
        DaemonSection.DEFAULT_LISTEN_HOST + ":" + DaemonSection.DEFAULT_LISTEN_PORT);
    int colon = listen.lastIndexOf(':');
    String host = colon > 0 ? listen.substring(0, colon) : "";
    String port = colon > 0 ? listen.substring(colon + 1) : "";
    if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw WardenException.badInput(source + ": " + DaemonSection.NAME + "."
          + DaemonSection.LISTEN + " must be host:port like 127.0.0.1:"
          + DaemonSection.DEFAULT_LISTEN_PORT + ", got '" + listen + "'");
    }
    Duration ttl = section.duration(DaemonSection.LOCK_TTL).orElse(DaemonSection.DEFAULT_LOCK_TTL);
    if (ttl.compareTo(MIN_LOCK_TTL) < 0) {
      throw WardenException.badInput(source + ": " + DaemonSection.NAME + "."
          + DaemonSection.LOCK_TTL + " must be at least 2s, got '" + Durations.format(ttl) + "'");
    }
    return new DaemonSection(
        section.duration(DaemonSection.HEALTH_INTERVAL)
            .orElse(DaemonSection.DEFAULT_HEALTH_INTERVAL),
        host, Integer.parseInt(port), ttl,
        section.path(DaemonSection.STATE_DIR).orElse(DaemonSection.DEFAULT_STATE_DIR));
  }
}
