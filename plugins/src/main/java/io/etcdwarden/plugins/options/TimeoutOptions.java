package io.etcdwarden.plugins.options;

import io.etcdwarden.core.endpoint.TimeoutFlags;
import picocli.CommandLine.Option;

/**
 * etcdctl's {@code --dial-timeout} and {@code --command-timeout}, shared by every command that
 * talks to etcd through {@link TargetOptions}; the environment ({@code ETCDCTL_DIAL_TIMEOUT},
 * {@code ETCDCTL_COMMAND_TIMEOUT}) and the config are read by the resolver in core.
 */
final class TimeoutOptions {
  @Option(names = "--dial-timeout", paramLabel = "DURATION",
      description = "Bound on connecting to a member, TCP and TLS handshake, e.g. 2s"
          + " (default: the command timeout; also ETCDCTL_DIAL_TIMEOUT).")
  String dialTimeout;

  @Option(names = "--command-timeout", paramLabel = "DURATION",
      description = "Deadline of each request, e.g. 5s or 500ms (default 5s or etcd.timeout;"
          + " also ETCDCTL_COMMAND_TIMEOUT; --timeout is its older name).")
  String commandTimeout;

  TimeoutFlags flags() {
    return new TimeoutFlags(dialTimeout, commandTimeout);
  }
}
