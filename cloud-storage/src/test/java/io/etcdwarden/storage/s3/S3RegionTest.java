package io.etcdwarden.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ?region= wins; AWS_DEFAULT_REGION counts when AWS_REGION is not set (this JVM's own
 * environment has neither, as the test asserts first); us-east-1 is the fallback.
 */
class S3RegionTest {
  @Test
  void theUriWinsThenTheDefaultRegionVariableThenUsEast1() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null
        && System.getProperty("aws.region") == null, "AWS_REGION set for this JVM");

    assertThat(S3Region.resolve(Optional.of("eu-west-3"), true,
        Map.of("AWS_DEFAULT_REGION", "eu-north-1")).id()).isEqualTo("eu-west-3");
    assertThat(S3Region.resolve(Optional.empty(), true,
        Map.of("AWS_DEFAULT_REGION", "eu-north-1")).id()).isEqualTo("eu-north-1");
  }
}
