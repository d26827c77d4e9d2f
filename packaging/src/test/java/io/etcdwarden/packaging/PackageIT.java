package io.etcdwarden.packaging;

import static io.etcdwarden.packaging.Packages.deb;
import static io.etcdwarden.packaging.Packages.single;
import static io.etcdwarden.packaging.Packages.unpack;
import static io.etcdwarden.packaging.Packages.withoutJava;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages {@code mvn package} built in this module's target folder, checked as an operator
 * and Debian's tools see them: lintian finds no error in the .deb; unpacked, it runs
 * {@code etcd-warden --version} on its own runtime with no java on the PATH and no JAVA_HOME;
 * its links, plugins, man page, completion and postinst are where they belong; the tarball has
 * one top folder; the jar carries no native library for another platform; the runtime lists only
 * the security providers it has.
 */
class PackageIT {
  @Test
  void lintianFindsNoError() throws Exception {
    Command lintian = Command.run(List.of("lintian", "--allow-root", deb().toString()));

    assertThat(lintian.output()).doesNotContainPattern("(?m)^E: ");
    assertThat(lintian.code()).as(lintian.output()).isZero();
  }

  @Test
  void unpackedPackageRunsOnItsOwnRuntime(@TempDir Path root) throws Exception {
    unpack(root);
    Map<String, String> env = withoutJava(root, Map.of());

    Command version = Command.run(
        List.of(root.resolve("opt/etcd-warden/bin/etcd-warden").toString(), "--version"), env,
        root);

    assertThat(version.code()).as(version.output()).isZero();
    assertThat(version.output()).contains("etcd-warden");
    assertThat(root.resolve("opt/etcd-warden/runtime/bin/java")).isExecutable();
    assertThat(root.resolve("opt/etcd-warden/lib/etcd-warden.jsa")).isNotEmptyFile();
  }

  @Test
  void commandsAndPluginsAreLinkedIntoTheSystemPaths(@TempDir Path root) throws Exception {
    unpack(root);
    for (String link : List.of("usr/bin/etcd-warden", "usr/bin/check_etcd_cluster",
        "usr/bin/check_etcd_backup", "usr/lib/nagios/plugins/check_etcd_cluster",
        "usr/lib/nagios/plugins/check_etcd_backup")) {
      Path target = Files.readSymbolicLink(root.resolve(link));
      assertThat(target.toString()).startsWith("/opt/etcd-warden/bin/");
      assertThat(root.resolve(target.toString().substring(1))).isExecutable();
    }
    assertThat(Files.readString(
        root.resolve("usr/share/bash-completion/completions/etcd-warden")))
        .contains("snapshots", "restore", "daemon");
    Command man = Command.run(List.of("man", "--warnings", "-l",
        root.resolve("usr/share/man/man1/etcd-warden.1.gz").toString()),
        Map.of("PATH", "/usr/bin:/bin", "MANPAGER", "cat", "COLUMNS", "100"), root);
    assertThat(man.code()).as(man.output()).isZero();
    assertThat(man.output()).contains("SYNOPSIS", "etcd-warden snapshots verify");
  }

  @Test
  void postinstCreatesTheSystemUser(@TempDir Path control) throws Exception {
    Command extract = Command.run(List.of("dpkg-deb", "-e", deb().toString(),
        control.resolve("DEBIAN").toString()));
    assertThat(extract.code()).as(extract.output()).isZero();

    assertThat(Files.readString(control.resolve("DEBIAN/postinst")))
        .contains("useradd --system", "etcd-warden");
    assertThat(Command.run(List.of("dpkg-deb", "-f", deb().toString(), "Architecture"))
        .output().strip()).isEqualTo("amd64");
  }

  @Test
  void tarballHasOneTopFolder() throws Exception {
    Command list = Command.run(List.of("tar", "-tzf", single("etcd-warden-*.tar.gz").toString()));
    assertThat(list.code()).isZero();

    List<String> tops = list.output().lines().map(entry -> entry.split("/", 2)[0]).distinct()
        .toList();
    assertThat(tops).hasSize(1);
    assertThat(tops.get(0)).startsWith("etcd-warden-");
    assertThat(list.output()).contains("/runtime/bin/java", "/lib/etcd-warden.jsa",
        "/bin/etcd-warden");
  }

  @Test
  void runtimeNeverSearchesTheJarForSecurityProviders(@TempDir Path root) throws Exception {
    unpack(root);
    Path home = root.resolve("opt/etcd-warden");

    // Listing the providers loads every configured one; one the runtime lacks would be looked up
    // on the class path, which instantiates BouncyCastle's provider from the jar.
    Command providers = Command.run(List.of(home.resolve("runtime/bin/java").toString(),
        "-Xshare:off", "-Xlog:class+load", "-cp", home.resolve("lib/etcd-warden.jar").toString(),
        "-XshowSettings:security:providers", "-version"));

    assertThat(providers.code()).as(providers.output()).isZero();
    assertThat(providers.output()).contains("SunJSSE", "SunEC")
        .doesNotContain("org.bouncycastle.jce.provider.BouncyCastleProvider");
  }

  @Test
  void jarCarriesNoNativeLibraryForAnotherPlatform(@TempDir Path root) throws Exception {
    unpack(root);
    try (ZipFile jar = new ZipFile(root.resolve("opt/etcd-warden/lib/etcd-warden.jar").toFile())) {
      List<String> natives = jar.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib")
              || n.endsWith(".jnilib"))
          .toList();
      assertThat(natives).isNotEmpty().allMatch(n -> n.endsWith(".so"))
          .noneMatch(n -> n.matches(
              ".*(windows|osx|darwin|freebsd|aix|s390x|ppc64|riscv64|mips64|loongarch64|/arm/|i386).*"));
    }
  }
}
