package io.etcdwarden.checks.warm;

import io.etcdwarden.core.daemon.DaemonClient;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warm path of {@code check_etcd_cluster}: asks the local daemon for its last survey, with
 * short connect and read timeouts, and takes it only when it is fresher than {@code maxAge}.
 * Whatever it decides comes with a detail line saying so, because the charm's alarm check read
 * a cache file without looking at its age and a dead cron job read as OK; here a stale or
 * missing cache always means a live check, and the output says which one was used.
 */
public final class DaemonCache {
  /** The daemon's endpoint for its last survey. */
  public static final String PATH = "/v1/cluster";
  /** A survey dated this far in the future (clock trouble) is not trusted either. */
  private static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);

  private static final int MAX_SURVEY_BYTES = 1 << 20;

  private final DaemonClient daemon;
  private final Clock clock;

  /** {@code base} like {@code http://127.0.0.1:2389}; {@code timeout} to connect and to read. */
  public DaemonCache(URI base, Duration timeout, Clock clock) {
    this.daemon = new DaemonClient(base, timeout, timeout);
    this.clock = clock;
  }

  /** What the cache offered: a survey to use, or none; and the line that says which. */
  public record Answer(Optional<CachedSurvey> survey, String detail) {}

  public Answer ask(Duration maxAge) {
    return ask(maxAge, List.of());
  }

  /** As {@link #ask(Duration)}, for a plugin asked about {@code endpoints} (empty: any). */
  public Answer ask(Duration maxAge, List<URI> endpoints) {
    CachedSurvey cached;
    try {
      Optional<CachedSurvey> fetched = fetch();
      if (fetched.isEmpty()) {
        return live("daemon at " + hostPort() + " has no survey yet");
      }
      cached = fetched.get();
    } catch (IOException e) {
      return live("daemon not reachable at " + hostPort());
    }
    return judge(cached, maxAge, endpoints);
  }

  /**
   * Whether {@code cached} is fresh enough now, with the same detail line whoever holds it: the
   * plugin that fetched it, or the daemon answering a whole plugin run itself.
   */
  public Answer judge(CachedSurvey cached, Duration maxAge, List<URI> endpoints) {
    if (!endpoints.isEmpty() && !cached.endpoints().isEmpty()
        && !Set.copyOf(endpoints).equals(Set.copyOf(cached.endpoints()))) {
      return live("daemon at " + hostPort() + " surveys other endpoints ("
          + cached.endpoints().stream().map(URI::toString).collect(Collectors.joining(","))
          + ")");
    }
    Duration age = Duration.between(cached.report().takenAt(), clock.instant());
    if (age.isNegative() && age.abs().compareTo(FUTURE_TOLERANCE) > 0) {
      return live("daemon cache dated " + age.abs().toSeconds() + " s in the future");
    }
    if (age.compareTo(maxAge) > 0) {
      return live("daemon cache " + age.toSeconds() + " s old (max " + maxAge.toSeconds()
          + " s; is the daemon's health job running?)");
    }
    return new Answer(Optional.of(cached), "from daemon cache, "
        + Math.max(0, age.toSeconds()) + " s old");
  }

  private static Answer live(String why) {
    return new Answer(Optional.empty(), "live check: " + why);
  }

  private Optional<CachedSurvey> fetch() throws IOException {
    Optional<byte[]> body = daemon.get(PATH, MAX_SURVEY_BYTES);
    return body.isEmpty() ? Optional.empty() : Optional.of(SurveyJson.read(body.get()));
  }

  private String hostPort() {
    return daemon.hostPort();
  }
}
