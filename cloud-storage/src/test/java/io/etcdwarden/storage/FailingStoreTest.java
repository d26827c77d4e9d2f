package io.etcdwarden.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import org.junit.jupiter.api.Test;

/** Every operation on a broken provider fails with one line naming where and what. */
class FailingStoreTest {
  private static final String NAME = "etcd-snapshot-2026-01-02-03.04.05.tar.gz";
  private final SnapshotStore store = new ChecksummedStore(new FailingBlobStore(), "failing://b");

  @Test
  void putNamesTheObjectAndTheCause() {
    assertThatThrownBy(() -> store.put(NAME, GeneratedStream.of(100, 1)))
        .isInstanceOf(WardenException.class)
        .hasMessage("cannot write failing://bucket/" + NAME + ": injected write failure")
        .matches(e -> ((WardenException) e).retryable());
  }

  @Test
  void listNamesTheStore() {
    assertThatThrownBy(store::list).isInstanceOf(WardenException.class)
        .hasMessageContaining("failing://b").hasMessageContaining("injected list failure");
  }

  @Test
  void openAndDeleteNameTheObject() {
    assertThatThrownBy(() -> store.open(NAME)).isInstanceOf(WardenException.class)
        .hasMessageContaining("failing://bucket/" + NAME);
    assertThatThrownBy(() -> store.delete(NAME)).isInstanceOf(WardenException.class)
        .hasMessageContaining("injected delete failure");
  }

  @Test
  void namesThatEscapeThePrefixAreRefused() {
    assertThatThrownBy(() -> store.put("../x", GeneratedStream.of(1, 1)))
        .isInstanceOf(WardenException.class).hasMessageContaining("../x");
    assertThatThrownBy(() -> store.delete(NAME + ".sha256"))
        .isInstanceOf(WardenException.class).hasMessageContaining("not an archive name");
  }
}
