package io.etcdwarden.maintenance;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for jetcd calls with a deadline and turns their failures into one operator line. */
final class Calls {
  private Calls() {}

  static <T> CompletableFuture<T> bounded(CompletableFuture<T> call, EtcdTarget target) {
    return call.orTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits up to the target's timeout for a call to {@code endpoint} (null: the cluster). */
  static <T> T await(CompletableFuture<T> call, EtcdTarget target, URI endpoint) {
    return await(call, target, target.timeout(), endpoint);
  }

  /** As {@link #await(CompletableFuture, EtcdTarget, URI)}, for a call through the cluster. */
  static <T> T await(CompletableFuture<T> call, EtcdTarget target, String what) {
    try {
      return await(call, target, target.timeout(), null);
    } catch (WardenException e) {
      throw new WardenException(what + ": " + e.getMessage(), e);
    }
  }

  static <T> T await(CompletableFuture<T> call, EtcdTarget target, Duration limit,
      URI endpoint) {
    try {
      return call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw EtcdClients.explain(e.getCause(), endpoint, target);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw EtcdClients.explain(e, endpoint, target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted", e);
    }
  }
}
