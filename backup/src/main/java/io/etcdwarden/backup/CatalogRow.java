package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of {@code snapshots list --long}: what a point-in-time restore chooses from
 * ({@link ArchiveChooser}). The manifest's {@code created_at} and revision place the archive in
 * time; the codec and the encryption come from the archive's name; verified is the store's mark
 * ({@link RecordedVerification}). Values not known (no manifest) are empty.
 */
public record CatalogRow(String name, long sizeBytes, Optional<String> createdAt,
    OptionalLong revision, String codec, boolean encrypted, boolean verified, String member,
    String note) {

  /** The rows of {@code catalog}, asking {@code store} for each archive's verification mark. */
  public static List<CatalogRow> of(List<CatalogEntry> catalog, SnapshotStore store) {
    return catalog.stream().map(e -> of(e, store.verified(e.stored().name()))).toList();
  }

  /** The row of {@code entry}, verified or not. */
  public static CatalogRow of(CatalogEntry entry, boolean verified) {
    String name = entry.stored().name();
    boolean encrypted = ArchiveName.encrypted(name);
    String bare = encrypted ? name.substring(0, name.length() - ArchiveName.AGE_SUFFIX.length())
        : name;
    String codec = Arrays.stream(Compression.values()).filter(c -> bare.endsWith(c.suffix()))
        .map(Compression::flag).findFirst().orElse("?");
    Optional<SnapshotManifest> m = entry.manifest();
    return new CatalogRow(name, entry.stored().sizeBytes(), m.map(SnapshotManifest::createdAt),
        m.map(x -> OptionalLong.of(x.revision())).orElse(OptionalLong.empty()), codec, encrypted,
        verified, m.map(SnapshotManifest::memberName).orElse(""), entry.note());
  }
}
