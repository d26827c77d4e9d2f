package io.etcdwarden.core.client;

import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a failed jetcd call carries, flattened: the exception, its causes and the
 * exceptions suppressed along the way (Netty hangs the TLS handshake failure on a closed-channel
 * exception as a suppressed one), plus the gRPC status code and description wherever in the
 * chain they sit. jetcd reports the same failure as {@link StatusRuntimeException} from some
 * calls and as its own {@link EtcdException} (code copied, status dropped) from others.
 */
final class FailureChain {
  private final List<Throwable> all = new ArrayList<>();
  private final String code;
  private final String description;

  FailureChain(Throwable failure) {
    collect(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    Optional<Status> status = all.stream()
        .map(t -> t instanceof StatusRuntimeException s ? s.getStatus()
            : t instanceof StatusException s ? s.getStatus() : null)
        .filter(s -> s != null)
        .findFirst();
    Optional<EtcdException> etcd = find(EtcdException.class);
    if (status.isPresent()) {
      code = status.get().getCode().name();
      description = firstLine(status.get().getDescription());
    } else if (etcd.isPresent()) {
      code = etcd.get().getErrorCode().name();
      description = firstLine(etcd.get().getMessage());
    } else {
      code = null;
      description = null;
    }
  }

  /** The gRPC status code name (UNAVAILABLE, DEADLINE_EXCEEDED...), or null if none. */
  String code() {
    return code;
  }

  /** The first line of the status description (gRPC appends Netty's pipeline on the next). */
  String description() {
    return description;
  }

  <T extends Throwable> Optional<T> find(Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Whether any exception in the chain, or the status description, mentions {@code text}. */
  boolean mentions(String text) {
    return (description != null && description.contains(text))
        || all.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
  }

  List<Throwable> all() {
    return all;
  }

  static String firstLine(String text) {
    if (text == null) {
      return null;
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }

  private void collect(Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    all.add(t);
    collect(t.getCause(), seen);
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, seen);
    }
  }
}
