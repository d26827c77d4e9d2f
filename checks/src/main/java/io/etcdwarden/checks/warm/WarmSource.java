package io.etcdwarden.checks.warm;

import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Where {@code check_etcd_cluster} gets the daemon's survey: over loopback HTTP when it runs as
 * its own process ({@link #OVER_HTTP}), or handed in when the daemon answers the run itself for
 * the shell fast path ({@link CachedRun}), which must never fall through to a live check.
 */
public interface WarmSource {
  /** The daemon is on this host: it answers in milliseconds or not at all. */
  Duration DAEMON_TIMEOUT = Duration.ofMillis(200);

  /** Asks the daemon at {@code daemon} over HTTP; checking live afterwards is fine. */
  WarmSource OVER_HTTP = new WarmSource() {
    @Override
    public DaemonCache.Answer ask(RunFiles files, EtcdTarget target, URI daemon,
        Duration maxAge) {
      return new DaemonCache(daemon, DAEMON_TIMEOUT, Clock.systemUTC()).ask(maxAge,
          target.endpoints());
    }

    @Override
    public void beforeLive(String why) {}
  };

  /**
   * The files a plugin run names itself besides its TLS files: {@code --config} and
   * {@code --state-file}, as given (a relative one is judged as such).
   */
  record RunFiles(Optional<Path> config, Optional<Path> stateFile) {}

  /** The daemon's survey when it is fresh enough for this run, else why the run goes live. */
  DaemonCache.Answer ask(RunFiles files, EtcdTarget target, URI daemon, Duration maxAge);

  /** Called before the plugin checks live; a source that must not go live throws here. */
  void beforeLive(String why);
}
