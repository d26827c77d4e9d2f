package io.etcdwarden.backup;

import io.etcdwarden.core.output.Printable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code snapshots list} as an operator reads it: a table (sizes in MiB, ages rounded to m/h/d,
 * with {@code --long} the revision and member from each manifest), or the document {@code
 * {"archives": [{"name", "size_bytes", "modified", "revision", "member", "note"}]}} where
 * revision and member are null when the manifest was not read or is absent.
 */
public final class CatalogView implements Printable {
  private final List<CatalogEntry> entries;
  private final boolean withManifests;
  private final Instant now;

  public CatalogView(List<CatalogEntry> entries, boolean withManifests, Instant now) {
    this.entries = List.copyOf(entries);
    this.withManifests = withManifests;
    this.now = now;
  }

  @Override
  public String table() {
    String format = withManifests ? "%-44s %10s %8s %10s %s%n" : "%-44s %10s %8s%n";
    StringBuilder out = new StringBuilder(
        String.format(Locale.ROOT, format, "NAME", "SIZE", "AGE", "REVISION", "MEMBER"));
    for (CatalogEntry e : entries) {
      Duration age = Duration.between(e.stored().modified(), now);
      out.append(String.format(Locale.ROOT, format, e.stored().name(),
          mebibytes(e.stored().sizeBytes()), age(age),
          e.manifest().map(m -> Long.toString(m.revision())).orElse("?"),
          e.manifest().map(m -> m.memberName() + (e.note().isEmpty() ? "" : " " + e.note()))
              .orElse(e.note())));
    }
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("archives", entries.stream().map(CatalogView::archive).toList());
    return root;
  }

  private static Map<String, Object> archive(CatalogEntry e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", e.stored().name());
    row.put("size_bytes", e.stored().sizeBytes());
    row.put("modified", e.stored().modified().toString());
    row.put("revision", e.manifest().map(SnapshotManifest::revision).orElse(null));
    row.put("member", e.manifest().map(SnapshotManifest::memberName).orElse(null));
    row.put("note", e.note());
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
