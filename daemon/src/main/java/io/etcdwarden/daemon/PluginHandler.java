package io.etcdwarden.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.etcdwarden.checks.warm.CachedSurvey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/plugin/cluster?arg=A&arg=B&env=ETCDCTL_X=V}: a whole {@code check_etcd_cluster}
 * run answered from the cached survey. 200 with the body {@code "<exit code>\n<plugin text>"}
 * (and the code in {@code X-Plugin-Exit-Code}) when served; 409 when the run is not one the
 * daemon serves (stale cache, {@code --no-daemon}, other endpoints, bad arguments, help), 503
 * before the first survey, 400 for a malformed query, 403 for a caller that is not on this
 * host. Every answer but 200 means: run the plugin yourself.
 */
final class PluginHandler implements HttpHandler {
  static final String PATH = "/v1/plugin/cluster";
  private static final Logger LOG = LoggerFactory.getLogger(PluginHandler.class);

  private final Supplier<Optional<CachedSurvey>> survey;
  private final PluginAnswerer answerer;
  private final String listenHost;
  private final Supplier<Integer> port;
  private final DaemonMetrics metrics;

  PluginHandler(Supplier<Optional<CachedSurvey>> survey, PluginAnswerer answerer,
      String listenHost, Supplier<Integer> port, DaemonMetrics metrics) {
    this.metrics = metrics;
    this.survey = survey;
    this.answerer = answerer;
    this.listenHost = listenHost;
    this.port = port;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "GET only\n");
        return;
      }
      // The run may read files named in its arguments: only callers on this host.
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        send(exchange, 403, "loopback callers only\n");
        return;
      }
      List<String> args = new ArrayList<>();
      Map<String, String> env = new HashMap<>();
      if (!parse(exchange.getRequestURI().getRawQuery(), args, env)) {
        send(exchange, 400, "want arg=... and env=ETCDCTL_NAME=value parameters\n");
        return;
      }
      Optional<CachedSurvey> cached = survey.get();
      if (cached.isEmpty()) {
        send(exchange, 503, "no survey yet\n");
        return;
      }
      Optional<PluginAnswerer.Answer> answer;
      try {
        answer = answerer.answer(new PluginAnswerer.Request(args, env, cached.get(), listenHost,
            port.get()));
      } catch (RuntimeException e) {
        LOG.warn("plugin fast path failed; the caller runs the plugin itself: {}", e.toString());
        send(exchange, 500, "not served\n");
        return;
      }
      metrics.pluginRun(answer.isPresent());
      if (answer.isEmpty()) {
        send(exchange, 409, "not served\n");
        return;
      }
      exchange.getResponseHeaders().set("X-Plugin-Exit-Code",
          String.valueOf(answer.get().exitCode()));
      send(exchange, 200, answer.get().exitCode() + "\n" + answer.get().text());
    }
  }

  /** {@code arg} values in order; {@code env} values {@code ETCDCTL_NAME=value}. */
  static boolean parse(String rawQuery, List<String> args, Map<String, String> env) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return true;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return false;
      }
      String name = pair.substring(0, eq);
      String value;
      try {
        value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (name.equals("arg")) {
        args.add(value);
      } else if (name.equals("env")) {
        int split = value.indexOf('=');
        if (split < 0 || !value.substring(0, split).matches("ETCDCTL_[A-Z_]+")) {
          return false;
        }
        env.put(value.substring(0, split), value.substring(split + 1));
      } else {
        return false;
      }
    }
    return true;
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
