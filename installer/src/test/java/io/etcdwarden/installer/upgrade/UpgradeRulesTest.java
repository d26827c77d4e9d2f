package io.etcdwarden.installer.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcdwarden.core.version.EtcdVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** etcd's upgrade rules on versions as values: each refusal one line, each allowed step empty. */
class UpgradeRulesTest {
  private static EtcdVersion v(String text) {
    return EtcdVersion.parse(text, "test");
  }

  private static Optional<String> refusal(String target, String cluster, String... members) {
    Map<String, EtcdVersion> versions = new LinkedHashMap<>();
    for (int i = 0; i < members.length; i++) {
      versions.put("etcd" + i, v(members[i]));
    }
    return UpgradeRules.refusal("etcd0", v(target), versions, v(cluster));
  }

  @Test
  void theNextMinorFromARecentEnoughPatchIsAllowedOneMemberAtATime() {
    assertThat(refusal("3.6.16", "3.5.0", "3.5.30", "3.5.30", "3.5.30")).isEmpty();
    assertThat(refusal("3.7.3", "3.6.0", "3.6.16", "3.7.3", "3.6.16")).isEmpty();
    assertThat(refusal("3.5.30", "3.4.0", "3.4.23", "3.4.23", "3.4.23")).isEmpty();
    assertThat(refusal("3.5.30", "3.5.0", "3.5.20", "3.5.30")).as("a patch step").isEmpty();
  }

  @Test
  void skippingAMinorIsRefused() {
    assertThat(refusal("3.7.3", "3.5.0", "3.5.30", "3.5.30", "3.5.30")).hasValueSatisfying(
        r -> assertThat(r).contains("one minor version at a time", "next step is 3.6")
            .doesNotContain("\n"));
  }

  @Test
  void from3_5_19To3_6IsRefusedEvenWhenAnotherMemberIsTheOneOnTheOldPatch() {
    assertThat(refusal("3.6.16", "3.5.0", "3.5.19", "3.5.30")).hasValueSatisfying(
        r -> assertThat(r).contains("only from 3.5.20 or later", "etcd0 runs 3.5.19"));
    assertThat(refusal("3.6.16", "3.5.0", "3.5.30", "3.5.19")).hasValueSatisfying(
        r -> assertThat(r).contains("etcd1 runs 3.5.19"));
  }

  @Test
  void aMemberOlderThanTheClusterVersionDowngradesAndNoOpsAreRefused() {
    assertThat(refusal("3.6.16", "3.6.0", "3.5.30", "3.6.16")).hasValueSatisfying(
        r -> assertThat(r).contains("older than the cluster version 3.6"));
    assertThat(refusal("3.5.30", "3.5.0", "3.6.16", "3.5.30")).hasValueSatisfying(
        r -> assertThat(r).contains("does not downgrade"));
    assertThat(refusal("3.6.16", "3.5.0", "3.6.16", "3.5.30")).hasValueSatisfying(
        r -> assertThat(r).contains("already runs 3.6.16"));
  }
}
