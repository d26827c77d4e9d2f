package io.etcdwarden.cli;

import io.etcdwarden.checks.warm.DaemonCache;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Where {@code check_etcd_cluster} gets the daemon's survey: over loopback HTTP when it runs as
 * its own process ({@link #OVER_HTTP}), or handed in when the daemon runs the plugin itself for
 * the shell fast path ({@link CachedRun}), which must never fall through to a live check.
 */
interface WarmPath {
  /** The daemon is on this host: it answers in milliseconds or not at all. */
  Duration DAEMON_TIMEOUT = Duration.ofMillis(200);

  /** Asks the daemon at {@code daemon} over HTTP; checking live afterwards is fine. */
  WarmPath OVER_HTTP = new WarmPath() {
    @Override
    public DaemonCache.Answer ask(ClusterCheckOptions options, EtcdTarget target, URI daemon,
        Duration maxAge) {
      return new DaemonCache(daemon, DAEMON_TIMEOUT, Clock.systemUTC()).ask(maxAge,
          target.endpoints());
    }

    @Override
    public void beforeLive(String why) {}
  };

  /** The daemon's survey when it is fresh enough for this run, else why the run goes live. */
  DaemonCache.Answer ask(ClusterCheckOptions options, EtcdTarget target, URI daemon,
      Duration maxAge);

  /** Called before the plugin checks live; a source that must not go live throws here. */
  void beforeLive(String why);
}
