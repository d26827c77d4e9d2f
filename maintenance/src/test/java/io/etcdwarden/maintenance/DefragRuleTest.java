package io.etcdwarden.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefragRuleTest {
  private static final long MIB = 1024 * 1024;
  private static final long QUOTA = 100 * MIB;

  /** 80 MiB file, 20 MiB in use: 75 % fragmented, 60 MiB free, 80 % of the quota. */
  private static final MemberReport FRAGMENTED = member(80 * MIB, 20 * MIB);
  /** 10 MiB file, 9 MiB in use: 10 % fragmented, 1 MiB free. */
  private static final MemberReport COMPACT = member(10 * MIB, 9 * MIB);

  @Test
  void comparisonsJoinedByAndBindTighterThanOr() {
    DefragRule rule = DefragRule.parse("fragmentation >= 50 && free >= 32MiB || quota_used > 90");
    assertThat(rule.selects(FRAGMENTED, QUOTA)).isTrue();
    assertThat(rule.selects(COMPACT, QUOTA)).isFalse();
    assertThat(DefragRule.parse("db_size < 20MiB || quota_used > 90").selects(COMPACT, QUOTA))
        .isTrue();
    assertThat(DefragRule.parse("fragmentation > 75%").selects(FRAGMENTED, QUOTA)).isFalse();
  }

  @Test
  void thresholdsAreTheFlagsRule() {
    assertThat(DefragRule.thresholds(50, "32MiB").selects(FRAGMENTED, QUOTA)).isTrue();
    assertThat(DefragRule.thresholds(50, "64MiB").selects(FRAGMENTED, QUOTA)).isFalse();
    assertThat(DefragRule.all().selects(COMPACT, QUOTA)).isTrue();
  }

  @Test
  void badRulesAreRefusedNamingThePart() {
    assertThatThrownBy(() -> DefragRule.parse("fragmentation >> 3"))
        .isInstanceOf(WardenException.class).hasMessageStartingWith("--rule: 'fragmentation >> 3'");
    assertThatThrownBy(() -> DefragRule.parse("size > 3")).hasMessageContaining("unknown name 'size'");
    assertThatThrownBy(() -> DefragRule.parse("free > 30%")).hasMessageContaining("size in bytes");
    assertThatThrownBy(() -> DefragRule.parse("fragmentation > 3MiB"))
        .hasMessageContaining("a percentage");
    assertThatThrownBy(() -> DefragRule.parse("free > 1MiB &&"))
        .hasMessageStartingWith("--rule: '' in");
  }

  private static MemberReport member(long size, long inUse) {
    return new MemberReport("etcd0", "1", "https://127.0.0.1:1", true, false, false, size, inUse,
        10, 10, 10, List.of(), "");
  }
}
