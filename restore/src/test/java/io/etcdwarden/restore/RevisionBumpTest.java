package io.etcdwarden.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision on {@code --bump-revision/--mark-compacted}: both or neither, and only on an etcd
 * whose restore tool has them (3.5 on), decided by the line, refused in one line otherwise.
 */
class RevisionBumpTest {
  @Test
  void bothOrNeither() {
    assertThat(RevisionBump.of(null, false)).isEmpty();
    assertThat(RevisionBump.of(1000000L, true)).contains(new RevisionBump(1000000));
    for (var half : List.of(Optional.of(5L), Optional.<Long>empty())) {
      assertThatThrownBy(() -> RevisionBump.of(half.orElse(null), half.isEmpty()))
          .isInstanceOf(WardenException.class)
          .hasMessage("--bump-revision N and --mark-compacted go together (etcd marks the bumped"
              + " revisions compacted so watchers re-list): give both or neither");
    }
    assertThatThrownBy(() -> RevisionBump.of(0L, true)).hasMessage(
        "--bump-revision must be 1 or more, got 0");
  }

  @Test
  void refusedOnAnEtcdWhoseRestoreToolLacksThem() {
    RevisionBump bump = new RevisionBump(1000000);
    assertThatThrownBy(() -> bump.requireSupportedBy(EtcdVersion.of(3, 4, 23)))
        .isInstanceOf(WardenException.class)
        .hasMessage("--bump-revision/--mark-compacted need etcdutl 3.5 or later; etcd 3.4.23"
            + " restores with etcdctl 3.4, which has neither; upgrade etcd first or restore"
            + " without them; nothing was changed");
    for (int minor : new int[] {5, 6, 7}) {
      bump.requireSupportedBy(EtcdVersion.of(3, minor, 0));
    }
    assertThat(bump.arguments()).containsExactly("--bump-revision", "1000000",
        "--mark-compacted");
  }
}
