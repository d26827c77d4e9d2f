package io.etcdwarden.installer.install;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the process listening on a TCP port, as far as Linux's {@code /proc} lets this user
 * see it: the listening socket's inode from {@code /proc/net/tcp} and {@code tcp6}, then the
 * process holding that socket among {@code /proc/PID/fd}. Other users' processes are invisible
 * unless running as root; then there is simply no name to give.
 */
final class PortOwner {
  private static final String LISTEN = "0A";

  private final Path proc;

  PortOwner(Path proc) {
    this.proc = proc;
  }

  /** "etcd (pid 1234)" for the process listening on {@code port}, if visible. */
  Optional<String> describe(int port) {
    return pid(port).flatMap(pid -> {
      try {
        String comm = Files.readString(proc.resolve(pid).resolve("comm")).strip();
        return Optional.of(comm + " (pid " + pid + ")");
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** The pid of the process listening on {@code port}, if visible. */
  Optional<String> pid(int port) {
    Set<String> inodes = listeningInodes(port);
    if (inodes.isEmpty()) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path pid : pids) {
        if (holdsAny(pid.resolve("fd"), inodes)) {
          return Optional.of(pid.getFileName().toString());
        }
      }
    } catch (IOException e) {
      // /proc unreadable here: say nothing rather than guess.
    }
    return Optional.empty();
  }

  private Set<String> listeningInodes(int port) {
    Set<String> inodes = new HashSet<>();
    String hexPort = String.format(":%04X", port);
    for (String table : List.of("net/tcp", "net/tcp6")) {
      try {
        for (String line : Files.readAllLines(proc.resolve(table))) {
          String[] f = line.strip().split("\\s+");
          if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals(LISTEN)) {
            inodes.add(f[9]);
          }
        }
      } catch (IOException e) {
        // No IPv6 table, or no /proc: nothing listed from it.
      }
    }
    return inodes;
  }

  private static boolean holdsAny(Path fdDir, Set<String> inodes) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
      for (Path fd : fds) {
        String target = Files.readSymbolicLink(fd).toString();
        if (target.startsWith("socket:[")
            && inodes.contains(target.substring(8, target.length() - 1))) {
          return true;
        }
      }
    } catch (IOException e) {
      // Another user's process, or one that just exited.
    }
    return false;
  }
}
