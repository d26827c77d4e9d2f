package io.etcdwarden.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packages {@code mvn package} left in this module's target folder, and the .deb unpacked as
 * {@code dpkg} would lay it out, with a PATH that holds only the two tools the launcher needs.
 */
final class Packages {
  private static final Path TARGET = Path.of("target");

  private Packages() {}

  static Path deb() throws IOException {
    return single("etcd-warden_*_amd64.deb");
  }

  static Path single(String glob) throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      List<Path> found = files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob)
          .matches(p.getFileName())).toList();
      assertThat(found).as("one " + glob + " in " + TARGET.toAbsolutePath()).hasSize(1);
      return found.get(0);
    }
  }

  /** Unpacks the .deb into {@code root} ({@code dpkg-deb -x}). */
  static void unpack(Path root) throws IOException, InterruptedException {
    Command unpack = Command.run(List.of("dpkg-deb", "-x", deb().toString(), root.toString()));
    assertThat(unpack.code()).as(unpack.output()).isZero();
  }

  /**
   * An environment with no java: PATH is a folder in {@code root} linking only dirname and
   * readlink (the launcher's), no JAVA_HOME; {@code extra} is added to it.
   */
  static Map<String, String> withoutJava(Path root, Map<String, String> extra)
      throws IOException, InterruptedException {
    Path tools = Files.createDirectories(root.resolve("tools"));
    for (String tool : List.of("dirname", "readlink")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool));
    }
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("PATH", tools.toString());
    env.put("LANG", "C.UTF-8");
    assertThat(Command.run(List.of("/bin/sh", "-c", "command -v java"), env, root).code())
        .as("java must not be on the test's PATH").isNotZero();
    return Map.copyOf(env);
  }
}
