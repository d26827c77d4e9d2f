package io.etcdwarden.storage.s3;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The region requests are signed for: {@code ?region=} when the URI names one, else the SDK's
 * own chain ({@code AWS_REGION} or {@code -Daws.region}, then the profile's {@code region} in
 * {@code ~/.aws/config} for {@code AWS_PROFILE}), with {@code AWS_DEFAULT_REGION} (the AWS
 * CLI's variable) read after {@code AWS_REGION}; on AWS itself (no {@code ?endpoint=}) the
 * instance's region last. {@code us-east-1} when nothing names one, as S3-compatible stores
 * expect.
 */
final class S3Region {
  static final Region FALLBACK = Region.US_EAST_1;

  private S3Region() {}

  static Region resolve(Optional<String> fromUri, boolean customEndpoint,
      Map<String, String> env) {
    if (fromUri.isPresent()) {
      return Region.of(fromUri.get());
    }
    AwsRegionProvider defaultRegion = () -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION"))
        .filter(r -> !r.isBlank()).map(Region::of)
        .orElseThrow(() -> SdkClientException.create("AWS_DEFAULT_REGION is not set"));
    AwsRegionProvider chain = customEndpoint
        ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(), defaultRegion,
            new AwsProfileRegionProvider())
        : new AwsRegionProviderChain(new SystemSettingsRegionProvider(), defaultRegion,
            new AwsProfileRegionProvider(), new InstanceProfileRegionProvider());
    try {
      return chain.getRegion();
    } catch (SdkClientException e) {
      return FALLBACK;
    }
  }
}
