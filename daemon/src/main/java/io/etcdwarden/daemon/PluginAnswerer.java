package io.etcdwarden.daemon;

import io.etcdwarden.checks.warm.CachedSurvey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a whole {@code check_etcd_cluster} run inside the daemon, for the plugin's shell fast
 * path ({@code GET /v1/plugin/cluster}): the plugin's own arguments and the caller's
 * {@code ETCDCTL_*} variables, judged against the daemon's cached survey. The CLI supplies it
 * (argument parsing and rendering live there, and this module may not depend on the CLI); an
 * empty answer means "not served here", and the caller runs the JVM plugin instead, which
 * decides between the cache and a live check itself.
 */
@FunctionalInterface
public interface PluginAnswerer {
  /** Serves nothing: a daemon started without the CLI's plugin runner. */
  PluginAnswerer NONE = request -> Optional.empty();

  Optional<Answer> answer(Request request);

  /**
   * One run to answer: {@code args} in order, {@code env} only {@code ETCDCTL_*} variables, the
   * survey the daemon holds now, and where this daemon listens ({@code listenHost} as
   * configured, {@code port} as bound) so the runner can tell whether the plugin would have
   * asked this daemon at all; {@code callerUid}, the local user who asks, for whom every file
   * the run would read or write is judged ({@link io.etcdwarden.checks.warm.CallerAccess}).
   */
  record Request(List<String> args, Map<String, String> env, CachedSurvey survey,
      String listenHost, int port, int callerUid) {
    public Request {
      args = List.copyOf(args);
      env = Map.copyOf(env);
      Objects.requireNonNull(survey, "survey");
    }
  }

  /** The plugin's exit code (0-3) and its exact text, ending in one newline. */
  record Answer(int exitCode, String text) {
    public Answer {
      if (exitCode < 0 || exitCode > 3) {
        throw new IllegalArgumentException("not a plugin exit code: " + exitCode);
      }
      if (!text.endsWith("\n") || text.endsWith("\n\n")) {
        throw new IllegalArgumentException("plugin text must end in exactly one newline");
      }
    }
  }
}
