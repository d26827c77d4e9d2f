package io.etcdwarden.daemon;

import io.etcdwarden.checks.warm.DaemonCache;
import io.etcdwarden.checks.warm.SurveyJson;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.DaemonSection;
import io.etcdwarden.plugins.ClusterPluginRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The daemon's HTTP endpoint on {@code daemon.listen} (loopback by default: nothing is exposed
 * to the network unless the operator says so): {@code /v1/cluster}, the last survey for
 * {@code check_etcd_cluster}'s warm path (503 until the first); {@code /v1/status}, jobs and
 * runs for {@code etcd-warden status}; {@code /metrics}, Prometheus text;
 * {@code /v1/plugin/cluster}, a whole plugin run for the shell fast path ({@link
 * PluginHandler}). GET only, served by {@link EndpointServer} (one thread per connection,
 * bounded in number and in time); nothing here writes but a plugin run's own
 * {@code --state-file}, and only one its caller could write itself. With {@code
 * daemon.metrics_listen}, a second listener serves {@code /metrics} alone, for a Prometheus on
 * another host.
 */
final class DaemonEndpoint implements AutoCloseable {
  private final EndpointServer server;
  private final Optional<EndpointServer> metricsServer;
  private final Map<String, Function<EndpointRequest, EndpointAnswer>> routes = new HashMap<>();

  DaemonEndpoint(DaemonSection section, HealthJob health, Supplier<DaemonStatus> status,
      DaemonMetrics metrics, ClusterPluginRuns plugin) {
    routes.put(DaemonCache.PATH, get(() -> health.last().map(SurveyJson::write).orElse(null),
        "application/json"));
    routes.put(DaemonStatus.PATH, get(() -> status.get().toJson(), "application/json"));
    Function<EndpointRequest, EndpointAnswer> scrape = get(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        metrics.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }, DaemonMetrics.contentType());
    routes.put("/metrics", scrape);
    PluginHandler runs = new PluginHandler(health::last, plugin, section.listenHost(),
        this::port, metrics, LoopbackPeer::uid);
    routes.put(PluginHandler.PATH, runs::handle);
    try {
      server = new EndpointServer(new InetSocketAddress(section.listenHost(),
          section.listenPort()), this::route);
    } catch (IOException e) {
      throw WardenException.badInput(DaemonSection.NAME + "." + DaemonSection.LISTEN + " "
          + section.listen() + ": cannot listen there (" + e.getMessage()
          + "; is another daemon running?)", e);
    }
    metricsServer = section.metricsListen().isEmpty() ? Optional.empty()
        : Optional.of(metricsOnly(section.metricsListen(), scrape));
  }

  private EndpointServer metricsOnly(String listen,
      Function<EndpointRequest, EndpointAnswer> scrape) {
    int colon = listen.lastIndexOf(':');
    try {
      return new EndpointServer(new InetSocketAddress(listen.substring(0, colon),
          Integer.parseInt(listen.substring(colon + 1))),
          r -> r.path().equals("/metrics") ? scrape.apply(r)
              : EndpointAnswer.text(404, "only /metrics here"));
    } catch (IOException e) {
      server.close();
      throw WardenException.badInput(DaemonSection.NAME + "." + DaemonSection.METRICS_LISTEN
          + " " + listen + ": cannot listen there (" + e.getMessage() + ")", e);
    }
  }

  /** Where {@code /metrics} alone is served, when {@code daemon.metrics_listen} is set. */
  Optional<InetSocketAddress> metricsAddress() {
    return metricsServer.map(EndpointServer::address);
  }

  InetSocketAddress address() {
    return server.address();
  }

  private int port() {
    return server.address().getPort();
  }

  private EndpointAnswer route(EndpointRequest request) {
    Function<EndpointRequest, EndpointAnswer> handler = routes.get(request.path());
    return handler == null ? EndpointAnswer.text(404, "no such path")
        : handler.apply(request);
  }

  private static Function<EndpointRequest, EndpointAnswer> get(Supplier<byte[]> body,
      String type) {
    return request -> {
      if (!request.method().equals("GET")) {
        return EndpointAnswer.text(405, "GET only");
      }
      byte[] bytes = body.get();
      return bytes == null ? EndpointAnswer.text(503, "no survey yet")
          : EndpointAnswer.ok(type, bytes);
    };
  }

  @Override
  public void close() {
    metricsServer.ifPresent(EndpointServer::close);
    server.close();
  }
}
