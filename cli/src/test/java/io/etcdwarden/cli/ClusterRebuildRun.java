package io.etcdwarden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the {@code restore --cluster} tests share: {@code restore --cluster} on several members
 * at once (one thread each, as on separate hosts), and the member list as Debian's etcdctl
 * reports it in JSON.
 */
final class ClusterRebuildRun {
  private ClusterRebuildRun() {}

  /** Runs {@code restore --cluster --from archives[i] --data-dir} on member i, all at once. */
  static List<CliRun> inParallel(Map<String, String> env, InstallFixture fixture,
      List<String> archives, String... extra) {
    ExecutorService pool = Executors.newFixedThreadPool(archives.size());
    try {
      List<CompletableFuture<CliRun>> runs = new ArrayList<>();
      for (int i = 0; i < archives.size(); i++) {
        List<String> args = new ArrayList<>(List.of("restore", "--cluster", "--from",
            archives.get(i), "--data-dir", fixture.dataDir(i).toString(), "--yes"));
        args.addAll(List.of(extra));
        runs.add(CompletableFuture.supplyAsync(() -> CliRun.run(env,
            args.toArray(String[]::new)), pool));
      }
      return runs.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdown();
    }
  }

  /** {@code etcdctl member list -w json} through {@code env}: its header and members. */
  static JsonNode memberList(Map<String, String> env, Path dir) throws Exception {
    Map<String, String> withoutApi = new HashMap<>(env);
    withoutApi.remove("ETCDCTL_API");
    InstallFixture.Exec list = InstallFixture.exec(dir, withoutApi, "etcdctl", "member", "list",
        "-w", "json");
    if (list.exitCode() != 0) {
      throw new AssertionError("etcdctl member list failed: " + list.output());
    }
    return new ObjectMapper().readTree(list.output());
  }

  /** The cluster ID in a {@link #memberList} answer (etcdctl prints it as an unsigned number). */
  static BigInteger clusterId(JsonNode memberList) {
    return new BigInteger(memberList.path("header").path("cluster_id").asText());
  }
}
