package io.etcdwarden.checks.warm;

import io.etcdwarden.core.endpoint.EtcdTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The survey source of a plugin run the daemon answers itself (the shell fast path): the daemon's
 * own cached survey, judged for freshness at answer time with the plugin's own bound. It serves
 * only a run the plugin process would have answered from this very cache; anything else (a
 * stale cache, {@code --no-daemon}, another daemon address, other endpoints, a relative path
 * that would resolve against the daemon's working directory, a TLS or config file the caller
 * could not read itself, a state file the caller could not rewrite itself)
 * throws {@link NotServed}, so the daemon never checks live and never answers in the plugin's
 * place with something the plugin would not have printed.
 */
public final class CachedRun implements WarmSource {
  private final CachedSurvey survey;
  private final String listenHost;
  private final int port;
  private final Clock clock;
  private final CallerAccess caller;
  private boolean served;
  private Optional<StateFileGuard> stateFile = Optional.empty();

  /** {@code caller}: what the local user who asked could read and write by themselves. */
  public CachedRun(CachedSurvey survey, String listenHost, int port, Clock clock, CallerAccess caller) {
    this.survey = survey;
    this.caller = caller;
    this.listenHost = bare(listenHost);
    this.port = port;
    this.clock = clock;
  }

  /** Thrown where the plugin process would do something other than judge this cache. */
  public static final class NotServed extends RuntimeException {
    NotServed(String why) {
      super(why, null, false, false);
    }
  }

  @Override
  public DaemonCache.Answer ask(RunFiles run, EtcdTarget target, URI daemon, Duration maxAge) {
    if (daemon.getPort() != port || !bare(daemon.getHost()).equals(listenHost)) {
      throw new NotServed("the plugin would ask the daemon at " + daemon);
    }
    // DaemonCache.judge below declines other endpoints than the survey's, but only when the
    // survey names its own; the daemon's always does.
    if (survey.endpoints().isEmpty()) {
      throw new NotServed("a survey that does not name its endpoints");
    }
    List<Path> files = new ArrayList<>();
    target.caFile().ifPresent(files::add);
    target.certFile().ifPresent(files::add);
    target.keyFile().ifPresent(files::add);
    run.config().ifPresent(files::add);
    run.stateFile().ifPresent(files::add);
    if (files.stream().anyMatch(f -> !f.isAbsolute())) {
      throw new NotServed("a relative path");
    }
    readable(files.stream().filter(f -> !run.stateFile().equals(Optional.of(f))).toList());
    if (run.stateFile().isPresent()) {
      if (!caller.canRewrite(run.stateFile().get())) {
        throw new NotServed("a state file the caller could not rewrite itself");
      }
      stateFile = Optional.of(StateFileGuard.check(run.stateFile().get()));
    }
    DaemonCache.Answer answer = new DaemonCache(daemon, Duration.ZERO, clock)
        .judge(survey, maxAge, target.endpoints());
    if (answer.survey().isEmpty()) {
      throw new NotServed(answer.detail());
    }
    served = true;
    return answer;
  }

  /**
   * Refuses the run unless the caller could read every one of {@code files} itself: the daemon
   * (often root) must never read a key or a config for a user who could not.
   */
  public void readable(List<Path> files) {
    for (Path file : files) {
      if (!file.isAbsolute() || !caller.canRead(file)) {
        throw new NotServed("a file the caller could not read itself: " + file);
      }
    }
  }

  @Override
  public void beforeLive(String why) {
    throw new NotServed(why);
  }

  /** Whether the run judged the cache (and so printed what the plugin would have). */
  public boolean served() {
    return served;
  }

  /** Gives the state file back its owner and mode; false when that failed. */
  public boolean restoreStateFile() {
    return stateFile.map(StateFileGuard::restore).orElse(true);
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
        : host;
  }
}
