package io.etcdwarden.installer.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The member folder of the etcd already listening on a port, found from that process's command
 * line ({@code etcd --config-file DIR/etcd.yaml}, as every installed member is started), so that
 * {@code install} for the same member with another {@code --data-dir} can say where the member
 * really lives instead of only "port in use".
 */
final class RunningMember {
  private static final String CONFIG_FLAG = "--config-file";

  private final Path proc;

  RunningMember(Path proc) {
    this.proc = proc;
  }

  /** The folder of the installed member whose etcd listens on {@code port}, if visible. */
  Optional<MemberLayout> on(int port) {
    return new PortOwner(proc).pid(port).flatMap(this::configFile)
        .map(config -> new MemberLayout(config.getParent()))
        .filter(MemberReinstall::installedIn);
  }

  private Optional<Path> configFile(String pid) {
    try {
      String cmdline = new String(Files.readAllBytes(proc.resolve(pid).resolve("cmdline")),
          StandardCharsets.UTF_8);
      List<String> args = List.of(cmdline.split("\0"));
      int flag = args.indexOf(CONFIG_FLAG);
      if (flag >= 0 && flag + 1 < args.size()) {
        return Optional.of(Path.of(args.get(flag + 1)));
      }
    } catch (IOException | RuntimeException e) {
      // Another user's process, or one that just exited: nothing to say.
    }
    return Optional.empty();
  }
}
