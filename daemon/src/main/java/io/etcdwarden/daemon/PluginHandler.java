package io.etcdwarden.daemon;

import io.etcdwarden.checks.warm.CachedSurvey;
import io.etcdwarden.plugins.ClusterPluginRuns;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/plugin/cluster?arg=A&arg=B&env=ETCDCTL_X=V}: a whole {@code check_etcd_cluster}
 * run answered from the cached survey. 200 with the body {@code "<exit code>\n<plugin text>"}
 * (and the code in {@code X-Plugin-Exit-Code}) when served; 409 when the run is not one the
 * daemon serves (stale cache, {@code --no-daemon}, other endpoints, bad arguments, help), 503
 * before the first survey, 400 (with the reason) for a malformed query, 403 for a caller that
 * is not on this host. The run is judged for the local user who asks ({@link LoopbackPeer}):
 * it is declined when that user could not have run it (a file it cannot read, a state file it
 * cannot write) or cannot be told. Every answer but 200 means: run the plugin yourself.
 */
final class PluginHandler {
  static final String PATH = "/v1/plugin/cluster";
  private static final Logger LOG = LoggerFactory.getLogger(PluginHandler.class);

  private final Supplier<Optional<CachedSurvey>> survey;
  private final ClusterPluginRuns answerer;
  private final String listenHost;
  private final Supplier<Integer> port;
  private final DaemonMetrics metrics;
  private final BiFunction<InetSocketAddress, InetSocketAddress, OptionalInt> callers;

  /** {@code callers}: the uid of the local user at the remote end of a loopback connection. */
  PluginHandler(Supplier<Optional<CachedSurvey>> survey, ClusterPluginRuns answerer,
      String listenHost, Supplier<Integer> port, DaemonMetrics metrics,
      BiFunction<InetSocketAddress, InetSocketAddress, OptionalInt> callers) {
    this.metrics = metrics;
    this.survey = survey;
    this.answerer = answerer;
    this.listenHost = listenHost;
    this.port = port;
    this.callers = callers;
  }

  EndpointAnswer handle(EndpointRequest request) {
    if (!request.method().equals("GET")) {
      return EndpointAnswer.text(405, "GET only");
    }
    // The run may read files named in its arguments: only callers on this host.
    if (!request.remote().getAddress().isLoopbackAddress()) {
      return EndpointAnswer.text(403, "loopback callers only");
    }
    List<String> args = new ArrayList<>();
    Map<String, String> env = new HashMap<>();
    Optional<String> malformed = parse(request.rawQuery().orElse(null), args, env);
    if (malformed.isPresent()) {
      return EndpointAnswer.text(400, malformed.get());
    }
    Optional<CachedSurvey> cached = survey.get();
    if (cached.isEmpty()) {
      return EndpointAnswer.text(503, "no survey yet");
    }
    // Files are judged for this user: the daemon serves only runs its caller could have run.
    OptionalInt caller = callers.apply(request.remote(), request.local());
    if (caller.isEmpty()) {
      metrics.pluginRun(false);
      return EndpointAnswer.text(409, "not served: cannot tell which local user is asking");
    }
    Optional<ClusterPluginRuns.Answer> answer;
    try {
      answer = answerer.answer(new ClusterPluginRuns.Request(args, env, cached.get(), listenHost,
          port.get(), caller.getAsInt()));
    } catch (RuntimeException e) {
      LOG.warn("plugin fast path failed; the caller runs the plugin itself: {}", e.toString());
      return EndpointAnswer.text(500, "not served");
    }
    metrics.pluginRun(answer.isPresent());
    if (answer.isEmpty()) {
      return EndpointAnswer.text(409, "not served");
    }
    return new EndpointAnswer(200, EndpointAnswer.TEXT, Map.of("X-Plugin-Exit-Code",
        String.valueOf(answer.get().exitCode())), (answer.get().exitCode() + "\n"
        + answer.get().text()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Fills {@code args} (in order) and {@code env} ({@code ETCDCTL_NAME=value}) from the query;
   * the reason, one plain line, when the query is not one the fast path sends.
   */
  static Optional<String> parse(String rawQuery, List<String> args, Map<String, String> env) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return Optional.of("want arg=... and env=ETCDCTL_NAME=value parameters");
      }
      String name = pair.substring(0, eq);
      Optional<String> value = decode(pair.substring(eq + 1));
      if (value.isEmpty()) {
        return Optional.of("malformed percent-encoding in the query (want %XX, two hex digits)");
      }
      if (name.equals("arg")) {
        args.add(value.get());
      } else if (name.equals("env")) {
        int split = value.get().indexOf('=');
        if (split < 0 || !value.get().substring(0, split).matches("ETCDCTL_[A-Z_]+")) {
          return Optional.of("env=... must be ETCDCTL_NAME=value");
        }
        env.put(value.get().substring(0, split), value.get().substring(split + 1));
      } else {
        return Optional.of("want arg=... and env=ETCDCTL_NAME=value parameters");
      }
    }
    return Optional.empty();
  }

  /** {@code +} is a space, {@code %XX} a byte of UTF-8; empty for a malformed escape. */
  private static Optional<String> decode(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
          || Character.digit(raw.charAt(i + 2), 16) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(URLDecoder.decode(raw, StandardCharsets.UTF_8));
  }
}
