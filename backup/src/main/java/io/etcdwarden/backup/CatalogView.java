package io.etcdwarden.backup;

import io.etcdwarden.core.output.Printable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code snapshots list} as an operator reads it. Short: a table of names, sizes in MiB and ages
 * rounded to m/h/d, or {@code {"archives": [{"name", "size_bytes", "modified"}]}}. Long
 * ({@link #detailed}): what a point-in-time restore chooses from, one {@link CatalogRow} per
 * archive, or {@code {"archives": [{"name", "size_bytes", "created_at", "revision", "codec",
 * "encrypted", "verified", "member", "note"}]}} where created_at and revision are null when the
 * archive has no readable manifest.
 */
public final class CatalogView implements Printable {
  private final List<CatalogEntry> entries;
  private final List<CatalogRow> rows;
  private final Instant now;
  private final boolean detailed;

  private CatalogView(List<CatalogEntry> entries, List<CatalogRow> rows, Instant now,
      boolean detailed) {
    this.entries = List.copyOf(entries);
    this.rows = List.copyOf(rows);
    this.now = now;
    this.detailed = detailed;
  }

  /** The short listing: names, sizes and ages at {@code now}. */
  public static CatalogView names(List<CatalogEntry> entries, Instant now) {
    return new CatalogView(entries, List.of(), now, false);
  }

  /** The long listing ({@code --long}). */
  public static CatalogView detailed(List<CatalogRow> rows) {
    return new CatalogView(List.of(), rows, Instant.EPOCH, true);
  }

  @Override
  public String table() {
    StringBuilder out = new StringBuilder();
    if (detailed) {
      String format = "%-48s %10s %-24s %10s %-5s %-9s %-8s %s%n";
      out.append(String.format(Locale.ROOT, format, "NAME", "SIZE", "CREATED", "REVISION",
          "CODEC", "ENCRYPTED", "VERIFIED", "MEMBER"));
      for (CatalogRow r : rows) {
        out.append(String.format(Locale.ROOT, format, r.name(), mebibytes(r.sizeBytes()),
            r.createdAt().orElse("?"), r.revision().isPresent()
                ? Long.toString(r.revision().getAsLong()) : "?", r.codec(),
            r.encrypted() ? "age" : "no", r.verified() ? "yes" : "no",
            (r.member() + " " + r.note()).strip()));
      }
      return out.toString();
    }
    String format = "%-44s %10s %8s%n";
    out.append(String.format(Locale.ROOT, format, "NAME", "SIZE", "AGE"));
    for (CatalogEntry e : entries) {
      out.append(String.format(Locale.ROOT, format, e.stored().name(),
          mebibytes(e.stored().sizeBytes()), age(Duration.between(e.stored().modified(), now))));
    }
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("archives", detailed ? rows.stream().map(CatalogView::row).toList()
        : entries.stream().map(CatalogView::archive).toList());
    return root;
  }

  private static Map<String, Object> archive(CatalogEntry e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", e.stored().name());
    row.put("size_bytes", e.stored().sizeBytes());
    row.put("modified", e.stored().modified().toString());
    return row;
  }

  private static Map<String, Object> row(CatalogRow r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", r.name());
    row.put("size_bytes", r.sizeBytes());
    row.put("created_at", r.createdAt().orElse(null));
    row.put("revision", r.revision().isPresent() ? r.revision().getAsLong() : null);
    row.put("codec", r.codec());
    row.put("encrypted", r.encrypted());
    row.put("verified", r.verified());
    row.put("member", r.member());
    row.put("note", r.note());
    return row;
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }

  private static String age(Duration age) {
    if (age.toDays() > 0) {
      return age.toDays() + "d";
    }
    if (age.toHours() > 0) {
      return age.toHours() + "h";
    }
    return Math.max(0, age.toMinutes()) + "m";
  }
}
