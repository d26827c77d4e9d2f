package io.etcdwarden.packaging;

import io.etcdwarden.cli.EtcdWarden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the documents the packages ship beside the runtime, generated from the command tree at
 * build time: the man page {@code etcd-warden.1} and the bash completion script
 * {@code etcd-warden}. Arguments: the output folder and the version to print in the page.
 */
public final class PackageDocs {
  private PackageDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PackageDocs OUTPUT_DIR VERSION");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    CommandLine tree = EtcdWarden.commandTree(Map.of());
    publish(out.resolve("etcd-warden.1"), new ManPage(args[1]).render(tree));
    publish(out.resolve("etcd-warden.bash"), AutoComplete.bash("etcd-warden", tree));
  }

  /** Writes under a temporary name and renames, so a half-written document is never seen. */
  private static void publish(Path target, String text) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
