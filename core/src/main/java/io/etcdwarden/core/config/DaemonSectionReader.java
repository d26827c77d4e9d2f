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
    checkHostPort(listen, DaemonSection.LISTEN, source);
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon);
    String port = listen.substring(colon + 1);
    String metrics = section.text(DaemonSection.METRICS_LISTEN, "");
    if (!metrics.isEmpty()) {
      checkHostPort(metrics, DaemonSection.METRICS_LISTEN, source);
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
        section.path(DaemonSection.STATE_DIR).orElse(DaemonSection.DEFAULT_STATE_DIR),
        metrics);
  }

  private static void checkHostPort(String value, String key, String source) {
    int colon = value.lastIndexOf(':');
    String host = colon > 0 ? value.substring(0, colon) : "";
    String port = colon > 0 ? value.substring(colon + 1) : "";
    if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw WardenException.badInput(source + ": " + DaemonSection.NAME + "." + key
          + " must be host:port like 127.0.0.1:" + DaemonSection.DEFAULT_LISTEN_PORT
          + ", got '" + value + "'");
    }
  }
}
