package io.etcdwarden.testkit.storage;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The GCS test server's state: buckets of complete objects, and open resumable uploads. */
final class GcsObjects {
  /** One complete object. */
  record StoredObject(String bucket, String name, byte[] data, long generation, Instant updated) {}

  /** One resumable upload: where it goes, its precondition, the bytes received so far. */
  static final class Upload {
    final String bucket;
    final String name;
    final Long ifGenerationMatch;
    final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();

    Upload(String bucket, String name, Long ifGenerationMatch) {
      this.bucket = bucket;
      this.name = name;
      this.ifGenerationMatch = ifGenerationMatch;
    }
  }

  final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets =
      new ConcurrentHashMap<>();
  final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  final AtomicLong generations = new AtomicLong(1_000);
}
