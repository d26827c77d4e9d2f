package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reasons print the words prune always printed, and only "outside the policy" deletes. */
class PruneReasonTest {
  @Test
  void printsTheSameWordsAsBefore() {
    assertThat(new PruneReason.LastArchives(7).text()).isEqualTo("last 7");
    assertThat(PruneReason.Keep.HOURLY.text()).isEqualTo("hourly");
    assertThat(PruneReason.Keep.DAILY.text()).isEqualTo("daily");
    assertThat(PruneReason.Keep.WEEKLY.text()).isEqualTo("weekly");
    assertThat(PruneReason.Keep.NEWEST_VERIFIED.text()).isEqualTo("newest verified");
    assertThat(PruneReason.NOT_OURS.text()).isEqualTo("not named by etcd-warden");
    assertThat(PruneReason.OUTSIDE_POLICY.text()).isEqualTo("outside the policy");
  }

  @Test
  void onlyOutsideThePolicyIsDeleted() {
    assertThat(PruneReason.OUTSIDE_POLICY.kept()).isFalse();
    assertThat(PruneReason.NOT_OURS.kept()).isTrue();
    assertThat(new PruneReason.LastArchives(1).kept()).isTrue();
    assertThat(PruneReason.Keep.values()).allMatch(PruneReason::kept);
    assertThat(new PruneDecision("x", PruneReason.OUTSIDE_POLICY).kept()).isFalse();
  }
}
