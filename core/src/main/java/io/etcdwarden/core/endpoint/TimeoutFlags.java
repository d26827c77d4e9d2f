package io.etcdwarden.core.endpoint;

/**
 * etcdctl's two timeout flags exactly as typed, null when not given: {@code --dial-timeout}
 * bounds connecting to a member (TCP connect and TLS handshake), {@code --command-timeout} each
 * request. Kept apart from {@link TargetFlags} so that adding them changed no caller of it;
 * {@link EtcdTargetResolver} reads them with {@code ETCDCTL_DIAL_TIMEOUT} and {@code
 * ETCDCTL_COMMAND_TIMEOUT} below them.
 */
public record TimeoutFlags(String dialTimeout, String commandTimeout) {
  public static final String DIAL_TIMEOUT_FLAG = "--dial-timeout";
  public static final String COMMAND_TIMEOUT_FLAG = "--command-timeout";

  /** Neither flag given. */
  public static TimeoutFlags none() {
    return new TimeoutFlags(null, null);
  }
}
