package io.etcdwarden.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code lib/etcd-warden.jar} stays lean. Every JVM that runs it keeps the jar's
 * central directory on its heap for its whole life (about 100 bytes per entry, plus a hash
 * table) and reads all of it at start-up, so each unused group of classes costs the daemon and
 * every Nagios check. The groups below were dropped on purpose (cloud-storage's exclusions, the
 * shade filters in cli): a dependency upgrade that brings one back fails here, as does a service
 * file that names a class the jar lacks (a ServiceLoader would then fail at run time).
 */
class JarContentsIT {
  /**
   * 35 783 entries when this was written (49 620 before the exclusions); the ceiling leaves room
   * for our own growth but not for any of the dropped groups (grpc-xds alone was 4 927 entries,
   * the Cloud Monitoring protos 738).
   */
  private static final int MAX_ENTRIES = 37_000;

  /** Dropped groups: nothing here reaches them (see cloud-storage/pom.xml and cli/pom.xml). */
  private static final List<String> DROPPED = List.of(
      "io/grpc/xds/", "io/grpc/googleapis/", "io/grpc/rls/", "io/grpc/alts/",
      "io/grpc/grpclb/", "io/grpc/opentelemetry/", "com/google/api/gax/grpc/",
      "com/google/storage/v2/", "com/google/monitoring/", "io/opentelemetry/sdk/",
      "dev/cel/", "org/conscrypt/", "com/ctc/wstx/", "com/fasterxml/jackson/dataformat/xml/",
      "org/checkerframework/", "org/apache/http/", "software/amazon/awssdk/http/nio/netty/",
      "com/google/apps/", "org/bouncycastle/oer/", "org/bouncycastle/its/",
      "org/apache/commons/compress/harmony/unpack200/", "jakarta/xml/bind/");

  private static List<String> entries;
  private static Path jar;

  @BeforeAll
  static void readTheJar() throws IOException {
    try (Stream<Path> dists = Files.list(Path.of("target", "stage"))) {
      jar = dists.filter(p -> p.getFileName().toString().startsWith("etcd-warden-"))
          .map(p -> p.resolve("lib/etcd-warden.jar")).filter(Files::isRegularFile)
          .findFirst().orElseThrow(() -> new AssertionError("no staged lib/etcd-warden.jar"));
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      entries = zip.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void holdsNoneOfTheDroppedGroups() {
    for (String group : DROPPED) {
      assertThat(entries).as("entries under " + group + " in " + jar)
          .noneMatch(name -> name.startsWith(group)
              || name.startsWith("META-INF/versions/") && name.contains("/" + group));
    }
  }

  @Test
  void staysUnderItsEntryCeiling() {
    assertThat(entries).as("entries in " + jar).hasSizeLessThanOrEqualTo(MAX_ENTRIES);
  }

  @Test
  void everyServiceFileNamesClassesTheJarHolds() throws IOException {
    Set<String> classes = entries.stream().filter(name -> name.endsWith(".class"))
        .collect(Collectors.toSet());
    List<String> absent = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String name : entries) {
        if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
          for (String provider : providers(zip, name)) {
            if (!classes.contains(provider.replace('.', '/') + ".class")) {
              absent.add(name + ": " + provider);
            }
          }
        }
      }
    }
    assertThat(absent).as("service providers missing from " + jar).isEmpty();
    assertThat(entries).as("gRPC's load-balancer providers are still listed")
        .contains("META-INF/services/io.grpc.LoadBalancerProvider");
  }

  private static List<String> providers(ZipFile zip, String name) throws IOException {
    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
          .toList();
    }
  }
}
