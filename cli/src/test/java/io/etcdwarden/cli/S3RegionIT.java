package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region S3 requests are signed for, read from the signature's credential scope as a
 * loopback S3 endpoint receives it from the packaged CLI: AWS_REGION, else AWS_DEFAULT_REGION,
 * else the profile's region; {@code ?region=} overrides them all; us-east-1 when none is set.
 */
class S3RegionIT {
  private static final Pattern SCOPE = Pattern.compile(
      "Credential=[^/]+/\\d{8}/([a-z0-9-]+)/s3/aws4_request");
  @TempDir Path work;
  private ServerSocket server;
  private final List<String> regions = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::answerDenied, "s3-region-recorder");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  @Test
  void theSdksChainDecidesAndTheUriOverrides() throws Exception {
    Path config = Files.writeString(work.resolve("aws-config"),
        "[default]\nregion = ap-south-1\n[profile other]\nregion = sa-east-1\n");
    Map<String, String> base = Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY",
        "secret", "AWS_CONFIG_FILE", work.resolve("none").toString(), "HOME", work.toString());

    assertThat(signedFor(base, "")).isEqualTo("us-east-1");
    assertThat(signedFor(with(base, "AWS_REGION", "eu-west-3"), "")).isEqualTo("eu-west-3");
    assertThat(signedFor(with(base, "AWS_DEFAULT_REGION", "eu-north-1"), ""))
        .isEqualTo("eu-north-1");
    assertThat(signedFor(with(with(base, "AWS_DEFAULT_REGION", "eu-north-1"), "AWS_REGION",
        "eu-west-3"), "")).isEqualTo("eu-west-3");
    assertThat(signedFor(with(base, "AWS_CONFIG_FILE", config.toString()), ""))
        .isEqualTo("ap-south-1");
    assertThat(signedFor(with(with(base, "AWS_CONFIG_FILE", config.toString()), "AWS_PROFILE",
        "other"), "")).isEqualTo("sa-east-1");
    assertThat(signedFor(with(base, "AWS_REGION", "eu-west-3"), "&region=ca-central-1"))
        .isEqualTo("ca-central-1");
  }

  private String signedFor(Map<String, String> env, String extra) throws Exception {
    regions.clear();
    DistRun run = DistRun.launch(work, env, List.of("snapshots", "list", "--target",
        "s3://bucket/etcd?endpoint=http://127.0.0.1:" + server.getLocalPort()
            + "&path-style=true" + extra));
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).as(run.toString()).contains("answered AccessDenied, HTTP 403");
    assertThat(regions).as(run.toString()).isNotEmpty();
    return regions.get(0);
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> more = new HashMap<>(env);
    more.put(name, value);
    return more;
  }

  /** Records each request's signing region and answers S3's AccessDenied (not retried). */
  private void answerDenied() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
            StandardCharsets.ISO_8859_1));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          Matcher m = SCOPE.matcher(line);
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("authorization:") && m.find()) {
            regions.add(m.group(1));
          }
        }
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied"
            + "</Code><Message>denied</Message></Error>").getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(("HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\n"
            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
      } catch (IOException e) {
        // the test closed the server, or the client went away: nothing to record
      }
    }
  }
}
