package io.etcdwarden.backup;

import io.etcdwarden.storage.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Writes v1 archives without etcd: random db bytes, followed by etcd's hash when asked. */
final class TestArchives {
  private TestArchives() {}

  static String store(SnapshotStore store, Path spool, Instant at, Compression compression,
      boolean withEtcdHash) throws Exception {
    byte[] body = new byte[300_000];
    new SplittableRandom(at.getEpochSecond()).nextBytes(body);
    Path db = Files.write(spool.resolve("db-" + at.getEpochSecond()), body);
    if (withEtcdHash) {
      Files.write(db, MessageDigest.getInstance("SHA-256").digest(body),
          StandardOpenOption.APPEND);
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(db)));
    try (SpooledSnapshot spooled = new SpooledSnapshot(db, Files.size(db), sha)) {
      SnapshotManifest manifest = new SnapshotManifest(1, at.toString(), "3.4.23", "c1", "m1",
          "etcd0", 42, 2, 10, spooled.sizeBytes(), sha, List.of(), "test");
      String name = ArchiveName.of(at, compression);
      ArchivePipe.connect(out -> ArchiveWriter.write(out, manifest, spooled, compression, at),
          in -> store.put(name, in));
      return name;
    }
  }
}
