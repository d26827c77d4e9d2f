package io.etcdwarden.testkit.storage;

import io.etcdwarden.installer.local.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 endpoint for tests: S3Proxy 4.1.0 run as a separate process from its
 * jar-with-dependencies (system property {@code s3proxy.jar}, else the local Maven repository),
 * on a free 127.0.0.1 port, storing objects in a temp directory through jclouds' filesystem
 * provider. A separate process keeps S3Proxy's Jetty and Jackson off the test classpath. A
 * bucket is a directory, so {@link #createBucket()} needs no S3 client.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String ACCESS_KEY = "local-identity";
  public static final String SECRET_KEY = "local-credential";
  private static final long START_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final boolean sdkCredentials;
  private Path dir;
  private Process process;
  private int port;

  public S3ProxyExtension() {
    this(false);
  }

  private S3ProxyExtension(boolean sdkCredentials) {
    this.sdkCredentials = sdkCredentials;
  }

  /**
   * Also hands the AWS SDK's default chain this proxy's credentials as the system properties
   * {@code aws.accessKeyId}/{@code aws.secretAccessKey} (as an operator's environment would)
   * for the test class, and clears them after it.
   */
  public static S3ProxyExtension withSdkCredentials() {
    return new S3ProxyExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("s3proxy-");
    Files.createDirectory(dir.resolve("data"));
    port = FreePorts.loopback(1).get(0);
    Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "s3proxy.ignore-unknown-headers=true",
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + dir.resolve("data"), ""));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", jar().toString(),
        "--properties", properties.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
    awaitPort();
    if (sdkCredentials) {
      System.setProperty("aws.accessKeyId", ACCESS_KEY);
      System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (sdkCredentials) {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    if (process != null) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A new, empty bucket with a unique name. */
  public String createBucket() {
    String name = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try {
      Files.createDirectory(dir.resolve("data").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return name;
  }

  /** Everything S3Proxy keeps for a bucket (objects and any multipart leftovers). */
  public List<Path> filesOf(String bucket) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("data").resolve(bucket))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static Path jar() {
    String configured = System.getProperty("s3proxy.jar");
    Path jar = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"),
        ".m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Proxy jar not found at " + jar
          + " (set -Ds3proxy.jar or resolve org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies)");
    }
    return jar;
  }

  private void awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_NANOS;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        process.waitFor(50, TimeUnit.MILLISECONDS); // poll interval; the deadline decides
      }
    }
    throw new IllegalStateException("S3Proxy did not listen within 60 s: " + log());
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("s3proxy.log"));
  }
}
