package io.etcdwarden.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Store URIs: every mistake is a usage error naming the URI and what to write instead. */
class SnapshotStoresTest {
  private static void assertBadInput(String target, String... fragments) {
    assertThatThrownBy(() -> SnapshotStores.open(target, "--target"))
        .isInstanceOf(WardenException.class)
        .matches(e -> ((WardenException) e).kind() == WardenException.Kind.BAD_INPUT)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void mistakesNameTheUriAndTheFix() {
    assertBadInput("ftp://host/x", "ftp://host/x", "file:///dir", "s3://", "gs://");
    assertBadInput("s3:///only-a-path", "names no bucket", "s3://bucket/prefix");
    assertBadInput("gs://bucket/p?chunk-size=1", "chunk-size", "chunk-size-mb");
    assertBadInput("gs://bucket/p?chunk-size-mb=32", "chunk-size-mb", "1..16", "in memory");
    assertBadInput("s3://bucket/p?part-size-mb=1", "part-size-mb", "5..16");
    assertBadInput("s3://bucket/p?sse=rot13", "sse", "AES256");
    assertBadInput("file:///tmp?min-free-mb=-1", "min-free-mb", "whole number");
    assertBadInput("not a uri", "--target", "not a URI");
  }

  @Test
  void bucketAndPrefixAreNormalised() {
    assertThat(BucketPrefix.of(URI.create("s3://b//etcd/prod/"))).isEqualTo(
        new BucketPrefix("b", "etcd/prod/"));
    assertThat(BucketPrefix.of(URI.create("gs://b"))).isEqualTo(new BucketPrefix("b", ""));
    assertThat(new BucketPrefix("b", "x/").location("gs")).isEqualTo("gs://b/x/");
  }
}
