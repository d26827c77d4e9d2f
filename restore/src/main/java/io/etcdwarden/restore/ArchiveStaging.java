package io.etcdwarden.restore;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.FreeSpace;
import io.etcdwarden.storage.file.VolumeStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The archive step that both preflights share ({@link RestorePreflight} and
 * {@link ClusterRebuildPreflight}): the request's {@code --from} resolves to one archive or, for
 * {@code latest}, to the store's archives newest first; the first one that fits beside the data
 * dir, downloads and verifies (sha256, manifest, etcd's hash) is staged there. Every refusal is
 * one line that says nothing changed.
 */
final class ArchiveStaging {
  private final FreeSpace freeSpace;

  ArchiveStaging(FreeSpace freeSpace) {
    this.freeSpace = freeSpace;
  }

  /** Stages the first good archive at {@code staged}; {@code abandoned} stops a download. */
  StagedArchive stageFirstGood(RestoreRequest request, Path staged, Path dataDir,
      BooleanSupplier abandoned) {
    String option = request.allowNonMount() ? VolumeStores.ALLOW_NON_MOUNT + "=true" : "";
    List<ArchiveSource> sources = ArchiveSource.resolve(request.from(), request.store(), option);
    List<String> failures = new ArrayList<>();
    for (ArchiveSource source : sources) {
      try {
        new DiskRoom(freeSpace).require(dataDir, source.sizeBytes(), Optional.empty());
        Optional<String> expected = request.sha256().or(source::recordedSha256);
        String origin = request.sha256().isPresent() ? "--sha256"
            : source.name() + ".sha256";
        try (var in = source.open()) {
          return ArchiveStager.stage(source.location(), in, expected, origin, staged, abandoned,
              request.identity());
        }
      } catch (WardenException | IOException e) {
        if (sources.size() == 1) {
          throw e instanceof WardenException w ? w : new WardenException(source.location()
              + ": " + FailureText.of(e) + "; nothing was changed", e);
        }
        failures.add(source.name() + ": " + FailureText.of(e));
      }
    }
    throw new WardenException("--from latest: no archive verifies (" + String.join("; ",
        failures) + "); nothing was changed");
  }
}
