package io.etcdwarden.plugins.options;

import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.endpoint.EtcdTargetResolver;
import io.etcdwarden.core.endpoint.TargetFlags;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags every command that talks to etcd shares, the Nagios plugins' and the CLI's alike.
 * Flags win over the etcdctl environment ({@code ETCDCTL_*}), which wins over the config file.
 */
public final class TargetOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: " + WardenConfig.DEFAULT_PATH + " when it exists).")
  Path config;

  @Option(names = "--endpoints", paramLabel = "URLS",
      description = "Comma-separated client URLs, e.g. https://10.0.0.1:2379.")
  String endpoints;

  @Option(names = "--cacert", paramLabel = "FILE", description = "CA certificate (PEM).")
  String cacert;

  @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (PEM).")
  String cert;

  @Option(names = "--key", paramLabel = "FILE", description = "Client private key (PEM).")
  String key;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Older name of --command-timeout (in check plugins: the whole run, as -t).")
  String timeout;

  @Mixin AuthOptions auth;
  @Mixin TimeoutOptions timeouts = new TimeoutOptions();

  private WardenConfig loaded;

  /** {@code --config} as given, or empty for the default path (which may be absent). */
  public Optional<Path> config() {
    return Optional.ofNullable(config);
  }

  /** {@code --timeout} as given: a plugin's whole run, a command's per-request deadline. */
  public Optional<String> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The config, loaded and validated once per command however often it is asked for (a
   * deprecation warning is then logged once too); the default path may be absent, a named one
   * not.
   */
  public WardenConfig loadConfig() {
    if (loaded == null) {
      loaded = WardenConfigLoader.load(Optional.ofNullable(config));
    }
    return loaded;
  }

  /** The cluster to reach and how, from flags, {@code env} and the config, in that order. */
  public EtcdTarget resolve(Environment env) {
    TargetFlags flags = new TargetFlags(endpoints, cacert, cert, key, timeout);
    Path source = config != null ? config : Path.of(WardenConfig.DEFAULT_PATH);
    return EtcdTargetResolver.resolve(flags, timeouts.flags(), env.variables(), loadConfig(),
        source.toString()).withCredentials(auth.resolve(env, loadConfig(), source.toString()));
  }
}
