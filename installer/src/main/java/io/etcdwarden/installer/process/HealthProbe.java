package io.etcdwarden.installer.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One question to an etcd member's plain-HTTP {@code /health} endpoint (served on {@code
 * listen-metrics-urls}, so no client certificate is needed): does it answer {@code
 * "health":"true"}? That body, not the status code alone, is the signal: etcd answers 503 with
 * {@code "health":"false"} while it has no leader or an alarm is raised.
 */
final class HealthProbe {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final ObjectMapper json = new ObjectMapper();

  /** Whether the member says it is healthy; false also when it does not answer (yet). */
  boolean isHealthy(URI healthUrl, Duration timeout) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(healthUrl).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return json.readTree(response.body()).path("health").asText().equals("true");
    } catch (IOException e) {
      // Refused, timed out, or not etcd's JSON: the member is still starting or has died. The
      // caller tells those apart and its deadline, not one probe, decides when to give up.
      return false;
    }
  }
}
