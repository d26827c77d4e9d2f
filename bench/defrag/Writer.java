import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.config.WardenConfigLoader;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.endpoint.EtcdTargetResolver;
import io.etcdwarden.core.endpoint.TargetFlags;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady writer for the defrag bench (run as a source file with the CLI jar on the class path):
 * RATE puts/s, round-robin over one client per endpoint in ETCDCTL_ENDPOINTS (TLS from the
 * ETCDCTL_* files), each with a 2 s deadline, until the file STOP exists (it creates READY once it is
 * connected). Prints writes, failed
 * (error or past the deadline), the longest stall (from the first failed or slower-than-500-ms
 * attempt to the next quick success), p99 and max latency.
 */
public class Writer {
  record Sample(long startNanos, long latencyNanos, boolean ok) {}

  public static void main(String[] args) throws Exception {
    double rate = Double.parseDouble(args[0]);
    Path stop = Path.of(args[1]);
    EtcdTarget target = EtcdTargetResolver.resolve(new TargetFlags(null, null, null, null, "2s"),
        System.getenv(), WardenConfigLoader.load(Optional.empty()), "environment");
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    try (EtcdClients clients = new EtcdClients(target)) {
      List<KV> kvs = new ArrayList<>();
      for (URI endpoint : target.endpoints()) {
        kvs.add(clients.member(endpoint).getKVClient());
      }
      // The first TLS connections of a fresh JVM on a loaded machine can take longer than the
      // 2 s deadline: connect every client (retrying) before the measured writes start.
      long connectBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (KV kv : kvs) {
        while (true) {
          try {
            kv.put(ByteSequence.from("/bench-writer/ready", StandardCharsets.UTF_8),
                ByteSequence.from(new byte[1])).get(30, TimeUnit.SECONDS);
            break;
          } catch (java.util.concurrent.ExecutionException e) {
            if (System.nanoTime() > connectBy) {
              throw e;
            }
          }
        }
      }
      Files.createFile(Path.of(args[2]));
      long period = (long) (1e9 / rate);
      long start = System.nanoTime();
      ByteSequence value = ByteSequence.from(new byte[100]);
      for (long n = 0; !Files.exists(stop); n++) {
        LockSupport.parkNanos(start + n * period - System.nanoTime());
        ByteSequence key = ByteSequence.from("/bench-writer/" + (n % 1000), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        kvs.get((int) (n % kvs.size())).put(key, value).orTimeout(2, TimeUnit.SECONDS)
            .whenComplete((r, e) -> samples.add(new Sample(t0, System.nanoTime() - t0, e == null)));
      }
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
    }
    List<Sample> all;
    synchronized (samples) {
      all = new ArrayList<>(samples);
    }
    all.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
    long failed = all.stream().filter(s -> !s.ok()).count();
    List<Long> ok = all.stream().filter(Sample::ok).map(Sample::latencyNanos).sorted().toList();
    long stall = 0;
    long since = -1;
    for (Sample s : all) {
      boolean bad = !s.ok() || s.latencyNanos() > TimeUnit.MILLISECONDS.toNanos(500);
      if (bad && since < 0) {
        since = s.startNanos();
      } else if (!bad && since >= 0) {
        stall = Math.max(stall, s.startNanos() + s.latencyNanos() - since);
        since = -1;
      }
      stall = Math.max(stall, s.latencyNanos());
    }
    double p99 = ok.isEmpty() ? Double.NaN : ok.get(Math.max(0, (int) (ok.size() * 0.99) - 1)) / 1e6;
    double max = ok.isEmpty() ? Double.NaN : ok.get(ok.size() - 1) / 1e6;
    System.out.printf("writes %d failed %d longest_stall_ms %d p99_ms %.1f max_ms %.1f%n",
        all.size(), failed, stall / 1_000_000, p99, max);
    System.exit(0);
  }
}
