package io.etcdwarden.maintenance;

import java.util.Locale;

/** Byte sizes and member size lines as operators read them (binary units, one decimal). */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String line(String prefix, MemberReport m, long quotaBytes) {
    return String.format(Locale.ROOT, "%s: DB %s, in use %s, fragmentation %.1f%%, %.1f%% of"
        + " quota %s", prefix, human(m.dbSizeBytes()), human(m.dbInUseBytes()),
        m.fragmentationPercent(), m.quotaPercent(quotaBytes), human(quotaBytes));
  }
}
