package io.etcdwarden.checks.backup;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link LastRun#KEY} from etcd within the target's timeout. Every failure is a value,
 * not an exception: {@code check_etcd_backup} reports an unreadable record as UNKNOWN beside
 * what it found in the store, which it can still judge.
 */
public final class LastRunReader {
  private LastRunReader() {}

  /** The record, none, or why it could not be read. */
  public record Outcome(Optional<LastRun> lastRun, String error) {
    public boolean known() {
      return error.isEmpty();
    }
  }

  public static Outcome read(EtcdTarget target) {
    try (EtcdClients clients = new EtcdClients(target)) {
      GetResponse response = clients.cluster().getKVClient()
          .get(ByteSequence.from(LastRun.KEY, StandardCharsets.UTF_8))
          .get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (response.getKvs().isEmpty()) {
        return new Outcome(Optional.empty(), "");
      }
      return new Outcome(Optional.of(LastRun.fromJson(response.getKvs().get(0).getValue()
          .getBytes())), "");
    } catch (IOException e) {
      return new Outcome(Optional.empty(), LastRun.KEY + " is not a record: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(Optional.empty(), "interrupted");
    } catch (Exception e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      return new Outcome(Optional.empty(),
          EtcdClients.explain(cause, null, target).getMessage());
    }
  }
}
