package io.etcdwarden.restore;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.storage.Sha256Sidecar;
import io.etcdwarden.storage.SnapshotStore;
import io.etcdwarden.storage.SnapshotStores;
import io.etcdwarden.storage.StoredSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where an archive to restore comes from: a local file (its {@code FILE.sha256} beside it when
 * there is one) or an object in a {@link SnapshotStore} (whose {@code .sha256} always exists).
 * The operator's {@code --sha256} wins over either.
 */
public interface ArchiveSource {
  /** The archive's name, e.g. {@code etcd-snapshot-2026-11-23-20.00.00.tar.gz}. */
  String name();

  /** Where it is, for the plan and messages. */
  String location();

  /** Its size in bytes as stored, for the free-space check. */
  long sizeBytes();

  /** Opens it for one streaming read. */
  InputStream open() throws IOException;

  /** The sha256 its {@code .sha256} records, if it has one. */
  Optional<String> recordedSha256();

  /** The local file {@code path}. */
  static ArchiveSource file(Path path) {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new WardenException("--from " + path + ": no such archive file; nothing was changed");
    }
    return new ArchiveSource() {
      public String name() {
        return file.getFileName().toString();
      }

      public String location() {
        return file.toString();
      }

      public long sizeBytes() {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new WardenException("cannot read " + file + ": " + FailureText.of(e), e);
        }
      }

      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      public Optional<String> recordedSha256() {
        Path sidecar = file.resolveSibling(name() + SnapshotStore.SHA256_SUFFIX);
        if (!Files.isRegularFile(sidecar)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Sha256Sidecar.parse(Files.readString(sidecar, StandardCharsets.UTF_8),
              name()).orElseThrow(() -> new WardenException(sidecar + " is not a sha256sum line"
              + " for " + name() + "; nothing was changed")));
        } catch (IOException e) {
          throw new WardenException("cannot read " + sidecar + ": " + FailureText.of(e), e);
        }
      }
    };
  }

  /** The archive {@code stored} in {@code store}. */
  static ArchiveSource stored(SnapshotStore store, StoredSnapshot stored) {
    return new ArchiveSource() {
      public String name() {
        return stored.name();
      }

      public String location() {
        return store.location() + "/" + stored.name();
      }

      public long sizeBytes() {
        return stored.sizeBytes();
      }

      public InputStream open() {
        return store.open(stored.name());
      }

      public Optional<String> recordedSha256() {
        try (InputStream in = store.open(stored.name() + SnapshotStore.SHA256_SUFFIX)) {
          return Optional.of(Sha256Sidecar.parse(new String(in.readNBytes(4096),
              StandardCharsets.UTF_8), stored.name()).orElseThrow(() -> new WardenException(
              location() + SnapshotStore.SHA256_SUFFIX + " is not a sha256sum line for it;"
              + " nothing was changed")));
        } catch (IOException e) {
          throw new WardenException("cannot read " + location() + SnapshotStore.SHA256_SUFFIX
              + ": " + FailureText.of(e) + "; nothing was changed", e);
        }
      }
    };
  }

  /**
   * The archives {@code --from} names, best first: one for a file or an object URI
   * ({@code s3://bucket/prefix/NAME}), every complete archive of {@code store} newest first for
   * {@code latest} (restore takes the first that verifies).
   */
  static List<ArchiveSource> resolve(String from, Optional<String> store,
      String allowNonMountSuffix) {
    if (from.equals("latest")) {
      String uri = store.orElseThrow(() -> WardenException.badInput("--from latest needs a store:"
          + " give --store URI or set backup.target in warden.yaml"));
      SnapshotStore snapshots = SnapshotStores.open(withOption(uri, allowNonMountSuffix), "--store");
      List<StoredSnapshot> all = new ArrayList<>(snapshots.list());
      all.sort(Comparator.comparing(StoredSnapshot::name).reversed());
      if (all.isEmpty()) {
        throw new WardenException("--from latest: no complete archive in " + snapshots.location()
            + "; nothing was changed");
      }
      return all.stream().map(s -> stored(snapshots, s)).toList();
    }
    if (!from.matches("^[a-z][a-z0-9+.-]*://.*")) {
      return List.of(file(Path.of(from)));
    }
    int q = from.indexOf('?');
    String path = q < 0 ? from : from.substring(0, q);
    String query = q < 0 ? "" : from.substring(q);
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    String dir = path.substring(0, slash);
    if (name.isEmpty() || dir.endsWith(":/")) {
      throw WardenException.badInput("--from " + from + ": name an archive inside a store, e.g."
          + " s3://bucket/prefix/etcd-snapshot-...tar.gz, or use --from latest --store URI");
    }
    SnapshotStore snapshots = SnapshotStores.open(withOption(dir + query, allowNonMountSuffix),
        "--from");
    String wanted = name;
    StoredSnapshot found = snapshots.list().stream().filter(s -> s.name().equals(wanted))
        .findFirst().orElseThrow(() -> new WardenException("--from " + from + ": no complete"
            + " archive " + wanted + " (with its .sha256) in " + snapshots.location()
            + "; nothing was changed"));
    return List.of(stored(snapshots, found));
  }

  /** Appends a {@code file://} option such as {@code allow-non-mount=true} when asked to. */
  private static String withOption(String uri, String option) {
    if (option.isEmpty() || !uri.startsWith("file:")) {
      return uri;
    }
    return uri + (uri.contains("?") ? "&" : "?") + option;
  }
}
