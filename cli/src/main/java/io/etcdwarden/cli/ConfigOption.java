package io.etcdwarden.cli;

import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config} for commands that read the config file but do not talk to etcd through
 * {@link io.etcdwarden.plugins.options.TargetOptions} (which has its own).
 */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: " + WardenConfig.DEFAULT_PATH + " when it exists).")
  Path config;

  private WardenConfig loaded;

  /** The config, loaded and validated once per command however often it is asked for. */
  WardenConfig load() {
    if (loaded == null) {
      loaded = WardenConfigLoader.load(Optional.ofNullable(config));
    }
    return loaded;
  }
}
