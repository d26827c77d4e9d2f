package io.etcdwarden.cli;

import io.etcdwarden.core.config.WardenConfig;
import io.etcdwarden.core.config.WardenConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config} for commands that read the config file but do not talk to etcd. */
final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: " + WardenConfig.DEFAULT_PATH + " when it exists).")
  Path config;

  WardenConfig load() {
    return WardenConfigLoader.load(Optional.ofNullable(config));
  }
}
