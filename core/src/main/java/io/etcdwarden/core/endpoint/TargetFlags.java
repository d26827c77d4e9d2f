package io.etcdwarden.core.endpoint;

import java.util.Optional;

/**
 * The connection flags exactly as typed on the command line, before any parsing: each is
 * null (or blank) when not given. {@link EtcdTargetResolver} parses them so that flag, environment
 * and config values go through the same checks and messages.
 */
public record TargetFlags(String endpoints, String cacert, String cert, String key, String timeout) {
  public static final String ENDPOINTS_FLAG = "--endpoints";
  public static final String CACERT_FLAG = "--cacert";
  public static final String CERT_FLAG = "--cert";
  public static final String KEY_FLAG = "--key";
  public static final String TIMEOUT_FLAG = "--timeout";

  /** No connection flags at all. */
  public static TargetFlags none() {
    return new TargetFlags(null, null, null, null, null);
  }

  static Optional<String> given(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
