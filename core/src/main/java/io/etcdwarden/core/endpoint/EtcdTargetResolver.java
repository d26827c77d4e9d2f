package io.etcdwarden.core.endpoint;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.Durations;
import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfig.EtcdSection;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds an {@link EtcdTarget} from three layers, field by field: command-line flags win over
 * the etcdctl environment, which wins over {@code warden.yaml}; what no layer gives takes a
 * default. In the environment the etcdctl v3 names ({@code ETCDCTL_ENDPOINTS}, {@code
 * ETCDCTL_CACERT}, ...) win over the older names the Juju etcd charm's README has operators
 * export ({@code ETCDCTL_ENDPOINT}, {@code ETCDCTL_CA_FILE}, ...). A flag or variable that is
 * given but empty ({@code --endpoints ""}, {@code ETCDCTL_ENDPOINTS=}) is refused, never read
 * as unset: falling back to another layer would talk to another cluster than the one meant.
 * Every value is checked here, once, and a bad one fails with a message naming its origin.
 */
public final class EtcdTargetResolver {
  public static final String ETCDCTL_ENDPOINTS = "ETCDCTL_ENDPOINTS";
  public static final String ETCDCTL_CACERT = "ETCDCTL_CACERT";
  public static final String ETCDCTL_CERT = "ETCDCTL_CERT";
  public static final String ETCDCTL_KEY = "ETCDCTL_KEY";
  public static final String ETCDCTL_ENDPOINT = "ETCDCTL_ENDPOINT";
  public static final String ETCDCTL_CA_FILE = "ETCDCTL_CA_FILE";
  public static final String ETCDCTL_CERT_FILE = "ETCDCTL_CERT_FILE";
  public static final String ETCDCTL_KEY_FILE = "ETCDCTL_KEY_FILE";

  /** Where etcd listens when nothing says otherwise: this host, the charm's client port. */
  public static final String DEFAULT_HOST_PORT = "127.0.0.1:" + EtcdSection.DEFAULT_PORT;

  /** A raw value and where it came from. */
  private record Sourced(String value, String origin) {}

  private EtcdTargetResolver() {}

  /**
   * Resolves the target. {@code configSourceName} names the config file in origins, e.g.
   * {@code /etc/etcd-warden/warden.yaml}; {@code env} is usually {@code System.getenv()}.
   */
  public static EtcdTarget resolve(
      TargetFlags flags, Map<String, String> env, WardenConfig config, String configSourceName) {
    return resolve(flags, TimeoutFlags.none(), env, config, configSourceName);
  }

  /**
   * As above, with etcdctl's timeout flags: the command timeout is {@code --command-timeout}
   * (or its older name {@code --timeout}), else {@code ETCDCTL_COMMAND_TIMEOUT}, else {@code
   * etcd.timeout}, else 5 s; the dial timeout is {@code --dial-timeout}, else {@code
   * ETCDCTL_DIAL_TIMEOUT}, else the command timeout. An {@code ETCDCTL_*} variable etcd-warden
   * does not support is refused here ({@link EtcdctlVariables}).
   */
  public static EtcdTarget resolve(TargetFlags flags, TimeoutFlags timeouts,
      Map<String, String> env, WardenConfig config, String configSourceName) {
    EtcdctlVariables.refuseUnsupported(env);
    refuseEmpty(flags, env);
    EtcdSection etcd = config.etcd();
    String inConfig = " in " + configSourceName;
    Optional<Sourced> ca = first(
        flag(flags.cacert(), TargetFlags.CACERT_FLAG),
        env(env, ETCDCTL_CACERT), env(env, ETCDCTL_CA_FILE),
        fromConfig(etcd.cacert().map(Path::toString), "etcd.cacert" + inConfig));
    Optional<Sourced> cert = first(
        flag(flags.cert(), TargetFlags.CERT_FLAG),
        env(env, ETCDCTL_CERT), env(env, ETCDCTL_CERT_FILE),
        fromConfig(etcd.cert().map(Path::toString), "etcd.cert" + inConfig));
    Optional<Sourced> key = first(
        flag(flags.key(), TargetFlags.KEY_FLAG),
        env(env, ETCDCTL_KEY), env(env, ETCDCTL_KEY_FILE),
        fromConfig(etcd.key().map(Path::toString), "etcd.key" + inConfig));
    requirePair(cert, "client certificate", key, "client key",
        "--key, " + ETCDCTL_KEY + " or etcd.key" + inConfig);
    requirePair(key, "client key", cert, "client certificate",
        "--cert, " + ETCDCTL_CERT + " or etcd.cert" + inConfig);

    boolean tlsFiles = ca.isPresent() || cert.isPresent() || key.isPresent();
    Sourced endpointText = first(
        flag(flags.endpoints(), TargetFlags.ENDPOINTS_FLAG),
        env(env, ETCDCTL_ENDPOINTS), env(env, ETCDCTL_ENDPOINT),
        fromConfig(etcd.endpoints().isEmpty() ? Optional.empty()
            : Optional.of(String.join(",", etcd.endpoints())), "etcd.endpoints" + inConfig))
        .orElse(new Sourced(DEFAULT_HOST_PORT, EtcdTarget.DEFAULT_ORIGIN));
    List<URI> endpoints = endpoints(endpointText, tlsFiles);

    if (TargetFlags.given(flags.timeout()).isPresent()
        && TargetFlags.given(timeouts.commandTimeout()).isPresent()) {
      throw WardenException.badInput(TargetFlags.TIMEOUT_FLAG + " is the older name of "
          + TimeoutFlags.COMMAND_TIMEOUT_FLAG + ": give one of them");
    }
    Optional<Sourced> typedTimeout = Stream.of(
        flag(timeouts.commandTimeout(), TimeoutFlags.COMMAND_TIMEOUT_FLAG),
        flag(flags.timeout(), TargetFlags.TIMEOUT_FLAG),
        env(env, EtcdctlVariables.ETCDCTL_COMMAND_TIMEOUT)).flatMap(Optional::stream).findFirst();
    Duration timeout = typedTimeout.map(t -> Durations.parse(t.value(), t.origin()))
        .orElseGet(etcd::timeoutOrDefault);
    String timeoutOrigin = typedTimeout.map(Sourced::origin).orElse(etcd.timeout().isPresent()
        ? "etcd.timeout" + inConfig : EtcdTarget.DEFAULT_ORIGIN);
    Optional<Sourced> dialText = Stream.of(
        flag(timeouts.dialTimeout(), TimeoutFlags.DIAL_TIMEOUT_FLAG),
        env(env, EtcdctlVariables.ETCDCTL_DIAL_TIMEOUT)).flatMap(Optional::stream).findFirst();
    Duration dial = dialText.map(d -> Durations.parse(d.value(), d.origin())).orElse(timeout);

    Map<String, String> origins = new HashMap<>();
    origins.put(EtcdTarget.ENDPOINTS, endpointText.origin());
    origins.put(EtcdTarget.CACERT, ca.map(Sourced::origin).orElse(EtcdTarget.DEFAULT_ORIGIN));
    origins.put(EtcdTarget.CERT, cert.map(Sourced::origin).orElse(EtcdTarget.DEFAULT_ORIGIN));
    origins.put(EtcdTarget.KEY, key.map(Sourced::origin).orElse(EtcdTarget.DEFAULT_ORIGIN));
    origins.put(EtcdTarget.TIMEOUT, timeoutOrigin);
    dialText.ifPresent(d -> origins.put(EtcdTarget.DIAL_TIMEOUT, d.origin()));
    return new EtcdTarget(endpoints, path(ca), path(cert), path(key), timeout, origins, dial);
  }

  private static void refuseEmpty(TargetFlags flags, Map<String, String> env) {
    Map<String, String> typed = new java.util.LinkedHashMap<>();
    typed.put(TargetFlags.ENDPOINTS_FLAG, flags.endpoints());
    typed.put(TargetFlags.CACERT_FLAG, flags.cacert());
    typed.put(TargetFlags.CERT_FLAG, flags.cert());
    typed.put(TargetFlags.KEY_FLAG, flags.key());
    typed.put(TargetFlags.TIMEOUT_FLAG, flags.timeout());
    typed.forEach((flag, value) -> {
      if (value != null && value.isBlank()) {
        throw WardenException.badInput(flag + " is empty: give a value or leave the flag out");
      }
    });
    for (String name : List.of(ETCDCTL_ENDPOINTS, ETCDCTL_ENDPOINT, ETCDCTL_CACERT,
        ETCDCTL_CA_FILE, ETCDCTL_CERT, ETCDCTL_CERT_FILE, ETCDCTL_KEY, ETCDCTL_KEY_FILE,
        EtcdctlVariables.ETCDCTL_DIAL_TIMEOUT, EtcdctlVariables.ETCDCTL_COMMAND_TIMEOUT)) {
      String value = env.get(name);
      if (value != null && value.isBlank()) {
        throw WardenException.badInput(name + " is set but empty: give it a value or unset it");
      }
    }
  }

  private static List<URI> endpoints(Sourced text, boolean tlsFiles) {
    List<URI> endpoints = Endpoints.parseList(text.value(), tlsFiles, text.origin());
    if (endpoints.isEmpty()) {
      throw WardenException.badInput(text.origin() + ": no endpoints in '" + text.value() + "'");
    }
    long https = endpoints.stream().filter(e -> e.getScheme().equals("https")).count();
    if (https != 0 && https != endpoints.size()) {
      // One gRPC channel negotiates TLS for all its addresses or for none.
      throw WardenException.badInput(text.origin() + ": '" + text.value()
          + "' mixes http:// and https:// endpoints; use one scheme for all");
    }
    return endpoints;
  }

  private static void requirePair(Optional<Sourced> present, String presentName,
      Optional<Sourced> partner, String partnerName, String partnerSettings) {
    if (present.isPresent() && partner.isEmpty()) {
      throw WardenException.badInput(presentName + " " + present.get().value() + " (from "
          + present.get().origin() + ") needs a " + partnerName + ": none is set by "
          + partnerSettings);
    }
  }

  private static Optional<Path> path(Optional<Sourced> value) {
    try {
      return value.map(v -> Path.of(v.value()));
    } catch (InvalidPathException e) {
      Sourced v = value.orElseThrow();
      throw WardenException.badInput(v.origin() + ": '" + v.value() + "' is not a file path");
    }
  }

  /** The first layer, highest first, that gives a value. */
  private static Optional<Sourced> first(
      Optional<Sourced> flag, Optional<Sourced> env, Optional<Sourced> olderEnv,
      Optional<Sourced> config) {
    return Stream.of(flag, env, olderEnv, config).flatMap(Optional::stream).findFirst();
  }

  private static Optional<Sourced> flag(String raw, String flagName) {
    return TargetFlags.given(raw).map(v -> new Sourced(v, flagName));
  }

  private static Optional<Sourced> env(Map<String, String> env, String name) {
    return TargetFlags.given(env.get(name)).map(v -> new Sourced(v, name));
  }

  private static Optional<Sourced> fromConfig(Optional<String> value, String origin) {
    return value.map(v -> new Sourced(v, origin));
  }
}
