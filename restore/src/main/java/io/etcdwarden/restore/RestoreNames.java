package io.etcdwarden.restore;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The paths one restore writes beside the data dir (and in the backup folder), all carrying one
 * stamp. The stamp is the UTC second, with {@code -2}, {@code -3}... when a path of that second
 * already exists: two restores in one second (a script, a retry after a refusal) must not
 * collide, because the kept old data of the first would block, or be replaced by, the second.
 *
 * @param staged the verified {@code db}, downloaded before anything changes
 * @param restored where the restore tool writes the new data dir
 * @param kept where the old data dir is moved and kept
 * @param backupFile the {@code .tar.gz} of the old data dir; empty with {@code --skip-backup}
 */
record RestoreNames(String stamp, Path staged, Path restored, Path kept,
    Optional<Path> backupFile) {
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final int MAX_TRIES = 1000;

  /** The first stamp of {@code now}'s second whose paths are all free. */
  public static RestoreNames pick(Path dataDir, String memberName, Instant now,
      Optional<Path> backupDir, boolean skipBackup) {
    String second = SECOND.format(now);
    for (int n = 1; n <= MAX_TRIES; n++) {
      RestoreNames names = of(dataDir, memberName, n == 1 ? second : second + "-" + n,
          backupDir, skipBackup);
      if (names.all().noneMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))) {
        return names;
      }
    }
    throw new IllegalStateException(MAX_TRIES + " restores of " + dataDir + " within second "
        + second);
  }

  static RestoreNames of(Path dataDir, String memberName, String stamp, Optional<Path> backupDir,
      boolean skipBackup) {
    String base = dataDir.getFileName().toString();
    Optional<Path> backup = skipBackup ? Optional.empty() : Optional.of(backupDir
        .orElse(dataDir.resolveSibling("etcd-backup-" + stamp))
        .resolve(memberName + "-data-" + stamp + ".tar.gz"));
    return new RestoreNames(stamp, dataDir.resolveSibling(base + ".restore-" + stamp + ".db"),
        dataDir.resolveSibling(base + ".restored-" + stamp),
        dataDir.resolveSibling(base + ".before-restore-" + stamp), backup);
  }

  /** Every path this restore may create, its side files included. */
  Stream<Path> all() {
    Stream<Path> dirs = Stream.of(staged, restored, kept, failed(restored));
    return Stream.concat(dirs, backupFile.stream().flatMap(f -> List.of(f,
        DataDirBackup.sidecar(f), DataDirBackup.partial(f)).stream()));
  }

  /** Where rollback parks the restored data dir {@code restored} that failed to start. */
  static Path failed(Path restored) {
    return restored.resolveSibling(restored.getFileName() + ".failed");
  }
}
