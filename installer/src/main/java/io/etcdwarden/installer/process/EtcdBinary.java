package io.etcdwarden.installer.process;

import io.etcdwarden.core.WardenException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the etcd and etcdctl executables the way an operator would expect: an explicit {@code
 * ETCD_BIN} / {@code ETCDCTL_BIN} (a file, or a directory holding the binary) wins, so a
 * downloaded release can be used without touching PATH; otherwise PATH is searched, which finds
 * Debian's {@code /usr/bin/etcd}. The environment is passed in, never read globally, so callers
 * and tests decide what it holds.
 */
public final class EtcdBinary {
  /** Names the etcd executable, or a directory that holds one. */
  public static final String ETCD_BIN = "ETCD_BIN";
  /** Names the etcdctl executable, or a directory that holds one. */
  public static final String ETCDCTL_BIN = "ETCDCTL_BIN";

  private static final String ETCD_MISSING =
      "etcd binary not found on PATH or in ETCD_BIN; install it with: apt-get install -y"
          + " etcd-server (Debian) or point ETCD_BIN at an etcd executable";
  private static final String ETCDCTL_MISSING =
      "etcdctl binary not found on PATH, in ETCDCTL_BIN or next to etcd; install it with:"
          + " apt-get install -y etcd-client (Debian) or point ETCDCTL_BIN at an etcdctl"
          + " executable";

  private EtcdBinary() {}

  /** The etcd executable named by {@code ETCD_BIN}, else the first {@code etcd} on PATH. */
  public static Path locate(Map<String, String> env) {
    Optional<Path> explicit = fromVariable(env, ETCD_BIN, "etcd");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    return onPath(env, "etcd").orElseThrow(() -> new WardenException(ETCD_MISSING));
  }

  /**
   * The etcdctl executable named by {@code ETCDCTL_BIN}, else the one beside the located etcd
   * (release tarballs ship both in one directory), else the first {@code etcdctl} on PATH.
   */
  public static Path locateEtcdctl(Map<String, String> env) {
    Optional<Path> explicit = fromVariable(env, ETCDCTL_BIN, "etcdctl");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    Optional<Path> besideEtcd =
        fromVariable(env, ETCD_BIN, "etcd")
            .or(() -> onPath(env, "etcd"))
            .map(etcd -> etcd.resolveSibling("etcdctl"))
            .filter(EtcdBinary::isExecutableFile);
    return besideEtcd
        .or(() -> onPath(env, "etcdctl"))
        .orElseThrow(() -> new WardenException(ETCDCTL_MISSING));
  }

  private static Optional<Path> fromVariable(
      Map<String, String> env, String variable, String name) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path path;
    try {
      path = Path.of(value.strip());
    } catch (InvalidPathException e) {
      throw WardenException.badInput(
          variable + "=" + value + " is not a valid path; fix " + variable, e);
    }
    Path candidate = Files.isDirectory(path) ? path.resolve(name) : path;
    if (!Files.isRegularFile(candidate)) {
      throw WardenException.badInput(
          variable + "=" + value + ": " + candidate + " does not exist; point " + variable
              + " at an " + name + " executable or a directory holding one");
    }
    if (!Files.isExecutable(candidate)) {
      throw WardenException.badInput(
          variable + "=" + value + ": " + candidate + " is not executable; chmod +x it or point "
              + variable + " elsewhere");
    }
    return Optional.of(candidate.toAbsolutePath());
  }

  private static Optional<Path> onPath(Map<String, String> env, String name) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      // An empty PATH entry means "the current directory"; never run a binary from there.
      if (dir.isBlank()) {
        continue;
      }
      try {
        Path candidate = Path.of(dir).resolve(name);
        if (isExecutableFile(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      } catch (InvalidPathException e) {
        // A malformed PATH entry cannot hold the binary; the shell skips it too.
        continue;
      }
    }
    return Optional.empty();
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
