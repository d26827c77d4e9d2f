package io.etcdwarden.core.client;

import io.etcdwarden.core.endpoint.EtcdTarget;
import java.util.Optional;

/**
 * Words etcd's authentication refusals for the operator, naming who was refused: the user and
 * where its name came from, or the client certificate when no user was given (etcd then
 * authenticates by the certificate's common name). etcd tells its auth errors apart only by
 * gRPC code plus its fixed error descriptions ({@code rpctypes} in etcd's API, which etcd's own
 * Go client matches the same way; etcd 3.4's snapshot stream says {@code auth: ...}), so those
 * are what is matched here. The password is never
 * part of the message.
 */
final class AuthFailures {
  private AuthFailures() {}

  static Optional<String> explain(FailureChain chain, EtcdTarget target) {
    String code = chain.code();
    String description = String.valueOf(chain.description());
    // etcdserver: for API calls; etcd 3.4 words a refused snapshot stream "auth: ..." (UNKNOWN).
    String prefix = description.startsWith("etcdserver: ") ? "etcdserver: "
        : description.startsWith("auth: ") ? "auth: " : null;
    if (code == null || prefix == null) {
      return Optional.empty();
    }
    String who = who(target);
    if (description.contains("authentication failed")) {
      return Optional.of("etcd refused the password of " + who
          + " (authentication failed: wrong password or no such user)");
    }
    if ("PERMISSION_DENIED".equals(code) || description.contains("permission denied")) {
      return Optional.of("permission denied for " + who + ": its etcd roles do not allow this"
          + " (see the README's table of what each command needs)");
    }
    if (description.contains("authentication is not enabled")) {
      return Optional.of(who + " was given, but authentication is not enabled on this cluster"
          + " (etcdctl auth enable); leave the user out");
    }
    if (description.contains("user name is empty") || description.contains("user name not found")
        || description.contains("user not found") || description.contains("invalid auth token")) {
      return Optional.of("etcd has authentication enabled and did not accept " + who + " ("
          + description.substring(prefix.length()) + "); give an etcd user with --user"
          + " or ETCDCTL_USER, or a client certificate whose common name is an etcd user");
    }
    return Optional.empty();
  }

  private static String who(EtcdTarget target) {
    if (target.credentials().isPresent()) {
      return target.credentials().get().describe();
    }
    return target.certFile()
        .map(cert -> "the client certificate " + cert + " (no etcd user given: etcd takes the"
            + " certificate's common name as the user)")
        .orElse("an anonymous client (no etcd user, no client certificate)");
  }
}
