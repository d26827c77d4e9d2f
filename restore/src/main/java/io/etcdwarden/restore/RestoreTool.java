package io.etcdwarden.restore;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.process.EtcdBinary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The upstream restore tool for the installed etcd's version: {@code etcdutl snapshot restore}
 * on 3.5+ (3.6 removed etcdctl's) and {@code etcdctl snapshot restore} on 3.4. It writes
 * a new data dir with a new cluster ID (from the name, peer URLs and token) and the snapshot's
 * revision. It must be given a directory that does not exist yet: a failed run leaves a
 * partial one behind, which the caller deletes.
 */
record RestoreTool(Path executable) {
  private static final long TIMEOUT_MINUTES = 30;

  /**
   * The tool that restores for {@code etcdBinary} of {@code version}: etcdutl (3.5+, beside the
   * binary, else one of the same line on PATH), else etcdctl (3.4, beside it or as {@link
   * EtcdBinary} finds it).
   */
  public static RestoreTool locate(Path etcdBinary, EtcdVersion version, Map<String, String> env) {
    if (!version.line().restoresWithEtcdutl()) {
      Path etcdctl = etcdBinary.resolveSibling("etcdctl");
      return new RestoreTool(Files.isExecutable(etcdctl) ? etcdctl
          : EtcdBinary.locateEtcdctl(env));
    }
    Path beside = etcdBinary.resolveSibling("etcdutl");
    if (Files.isExecutable(beside)) {
      return new RestoreTool(beside);
    }
    // One on PATH must be of the member's line: another line's etcdutl may write a data
    // format this etcd does not read.
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      Path onPath = dir.isBlank() ? null : Path.of(dir, "etcdutl");
      if (onPath != null && Files.isExecutable(onPath)
          && EtcdBinaryVersion.ofEtcdutl(onPath).line() == version.line()) {
        return new RestoreTool(onPath);
      }
    }
    throw new WardenException("etcd " + version + " (" + etcdBinary + ") restores snapshots"
        + " with etcdutl " + version.line() + ", which is neither in " + etcdBinary.getParent()
        + " nor on PATH: put"
        + " the release's etcdutl beside etcd (Debian: package etcd-client " + version.line()
        + "); nothing was changed");
  }

  /** The command line, as printed in the plan. */
  public List<String> command(Path db, Path into, MemberOnHost member, String token,
      boolean skipHashCheck) {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "snapshot", "restore",
        db.toString(), "--data-dir", into.toString(), "--name", member.name(),
        "--initial-cluster", member.initialClusterAlone(), "--initial-cluster-token", token,
        "--initial-advertise-peer-urls", String.join(",", member.peerUrls().stream()
            .map(Object::toString).toList())));
    if (skipHashCheck) {
      command.add("--skip-hash-check");
    }
    return command;
  }

  /**
   * The command line restoring one member of a rebuilt cluster: {@link #command} with every
   * member of {@code members} as {@code --initial-cluster}, so each host writes the same
   * membership.
   */
  public List<String> clusterCommand(Path db, Path into, MemberOnHost member,
      RebuildMembers members, String token, boolean skipHashCheck) {
    List<String> command = new ArrayList<>(command(db, into, member, token, skipHashCheck));
    command.set(command.indexOf("--initial-cluster") + 1, members.initialCluster());
    return command;
  }

  /**
   * Runs {@code command} (from {@link #command}) into {@code into}, which must not exist yet; on
   * failure deletes what the tool left there, and never a directory it did not make.
   */
  public static void run(List<String> command, Path into) {
    Path executable = Path.of(command.get(0));
    if (Files.exists(into, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new WardenException(into + " already exists and is not replaced");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = new HashMap<>(builder.environment());
    env.keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
    builder.environment().clear();
    // No ETCDCTL_API: etcdctl uses v3 by default from 3.4, etcdutl has no v2, and 3.6+ warn on it.
    builder.environment().putAll(env);
    boolean restored = false;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new WardenException(executable.getFileName() + " snapshot restore did not finish"
            + " within " + TIMEOUT_MINUTES + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new WardenException(executable.getFileName() + " snapshot restore failed: "
            + lastLine(output));
      }
      restored = true;
    } catch (IOException e) {
      throw new WardenException("cannot run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while restoring into " + into, e);
    } finally {
      if (!restored) {
        Trees.deleteQuietly(into); // absent before the run: whatever is there, the tool wrote
      }
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines.length == 0 ? "(no output)" : lines[lines.length - 1].strip();
  }
}
