package io.etcdwarden.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reasons print the words prune always printed, and only "outside the policy" deletes. */
class PruneReasonTest {
  @Test
  void printsTheSameWordsAsBefore() {
    assertThat(new PruneReason.LastArchives(7).text()).isEqualTo("last 7");
    assertThat(PruneReason.Fixed.HOURLY.text()).isEqualTo("hourly");
    assertThat(PruneReason.Fixed.DAILY.text()).isEqualTo("daily");
    assertThat(PruneReason.Fixed.WEEKLY.text()).isEqualTo("weekly");
    assertThat(PruneReason.Fixed.NEWEST_VERIFIED.text()).isEqualTo("newest verified");
    assertThat(PruneReason.Fixed.NOT_OURS.text()).isEqualTo("not named by etcd-warden");
    assertThat(PruneReason.Fixed.OUTSIDE_POLICY.text()).isEqualTo("outside the policy");
  }

  @Test
  void onlyOutsideThePolicyIsDeleted() {
    assertThat(PruneReason.Fixed.OUTSIDE_POLICY.kept()).isFalse();
    assertThat(PruneReason.Fixed.NOT_OURS.kept()).isTrue();
    assertThat(new PruneReason.LastArchives(1).kept()).isTrue();
    assertThat(PruneReason.Fixed.values()).filteredOn(r -> !r.kept())
        .containsExactly(PruneReason.Fixed.OUTSIDE_POLICY);
    assertThat(new PruneDecision("x", PruneReason.Fixed.OUTSIDE_POLICY).kept()).isFalse();
  }
}
