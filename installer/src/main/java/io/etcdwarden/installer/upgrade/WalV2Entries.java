package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.WardenException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Counts the entries in a member's write-ahead log, after its newest raft snapshot, that carry a
 * request in etcd's v2 format (3.5 members still publish some), which etcd 3.7 can no longer
 * replay: such a member panics at start-up on 3.7 ("unmarshal should never fail"). Reads the WAL
 * files read-only, frame by frame (8-byte little-endian length with padding flags, then a
 * {@code walpb.Record}); a v2 request is told from the v3 one by its field 2, which v3's
 * {@code InternalRaftRequest} never sets from 3.6 on.
 */
final class WalV2Entries {
  private static final int ENTRY_RECORD = 2;
  private static final int NORMAL_ENTRY = 0;
  private static final int MAX_RECORD_BYTES = 256 << 20;

  private WalV2Entries() {}

  /** The v2 entries after the newest snapshot in {@code etcdDataDir} (etcd's own data-dir). */
  static long afterNewestSnapshot(Path etcdDataDir) {
    Path member = etcdDataDir.resolve("member");
    long snapshotIndex = newestSnapshotIndex(member.resolve("snap"));
    long count = 0;
    for (Path wal : files(member.resolve("wal"), ".wal")) {
      count += scan(wal, snapshotIndex);
    }
    return count;
  }

  private static long scan(Path wal, long snapshotIndex) {
    long count = 0;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(wal)))) {
      while (true) {
        long frame;
        try {
          frame = Long.reverseBytes(in.readLong());
        } catch (EOFException e) {
          return count;
        }
        if (frame == 0) {
          return count; // the preallocated rest of the file
        }
        long length = frame & 0x00ff_ffff_ffff_ffffL;
        int padding = (frame >>> 63) != 0 ? (int) ((frame >>> 56) & 0x7) : 0;
        if (length > MAX_RECORD_BYTES) {
          throw new IOException("a record of " + length + " bytes");
        }
        byte[] record = new byte[(int) length];
        try {
          in.readFully(record);
          in.skipNBytes(padding);
        } catch (EOFException e) {
          return count; // a torn tail, which etcd itself repairs
        }
        count += v2EntryAfter(ByteBuffer.wrap(record), snapshotIndex) ? 1 : 0;
      }
    } catch (IOException | RuntimeException e) {
      throw new WardenException("cannot read the write-ahead log " + wal + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean v2EntryAfter(ByteBuffer record, long snapshotIndex) {
    Proto r = new Proto(record);
    long type = -1;
    ByteBuffer data = null;
    while (r.more()) {
      int field = r.field();
      if (field == 1) {
        type = r.varint();
      } else if (field == 3) {
        data = r.bytes();
      } else {
        r.skip();
      }
    }
    if (type != ENTRY_RECORD || data == null) {
      return false;
    }
    Proto e = new Proto(data);
    long index = 0;
    long entryType = NORMAL_ENTRY;
    ByteBuffer request = null;
    while (e.more()) {
      int field = e.field();
      if (field == 3) { // raftpb.Entry: Type = 1, Term = 2, Index = 3, Data = 4
        index = e.varint();
      } else if (field == 1) {
        entryType = e.varint();
      } else if (field == 4) {
        request = e.bytes();
      } else {
        e.skip();
      }
    }
    if (index <= snapshotIndex || entryType != NORMAL_ENTRY || request == null
        || !request.hasRemaining()) {
      return false;
    }
    Proto q = new Proto(request);
    while (q.more()) {
      if (q.field() == 2) {
        return true;
      }
      q.skip();
    }
    return false;
  }

  private static long newestSnapshotIndex(Path snapDir) {
    long newest = 0;
    for (Path snap : files(snapDir, ".snap")) {
      String name = snap.getFileName().toString();
      int dash = name.indexOf('-');
      try {
        newest = Math.max(newest, Long.parseUnsignedLong(
            name.substring(dash + 1, name.length() - ".snap".length()), 16));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        // Not one of etcd's snapshot names; etcd skips it too.
      }
    }
    return newest;
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new WardenException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Just enough protobuf: field tags, varints, length-delimited fields, skipping the rest. */
  private static final class Proto {
    private final ByteBuffer in;
    private int wireType;

    Proto(ByteBuffer in) {
      this.in = in.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean more() {
      return in.hasRemaining();
    }

    int field() {
      long tag = varint();
      wireType = (int) (tag & 7);
      return (int) (tag >>> 3);
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = in.get();
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          return value;
        }
      }
      throw new IllegalArgumentException("a malformed varint");
    }

    ByteBuffer bytes() {
      int length = (int) varint();
      ByteBuffer value = in.slice().limit(length);
      in.position(in.position() + length);
      return value;
    }

    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> in.position(in.position() + 8);
        case 2 -> bytes();
        case 5 -> in.position(in.position() + 4);
        default -> throw new IllegalArgumentException("wire type " + wireType);
      }
    }
  }
}
