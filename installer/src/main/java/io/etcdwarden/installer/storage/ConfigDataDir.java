package io.etcdwarden.installer.storage;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdConfigWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and switches the {@code data-dir} line of a member config written by {@link
 * EtcdConfigRenderer}: one line {@code data-dir: "PATH"}, rewritten in place so every other
 * setting stays exactly as installed. The file is replaced atomically.
 */
final class ConfigDataDir {
  private static final String KEY = "data-dir: ";

  private ConfigDataDir() {}

  static Path read(Path configFile) {
    String line = lines(configFile).stream().filter(l -> l.startsWith(KEY)).findFirst()
        .orElseThrow(() -> WardenException.badInput(configFile + " has no data-dir line;"
            + " reinstall the member"));
    String value = line.substring(KEY.length()).strip();
    if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")
        || value.indexOf('\\') >= 0) {
      throw WardenException.badInput(configFile + ": cannot read data-dir " + value);
    }
    return Path.of(value.substring(1, value.length() - 1));
  }

  static void write(Path configFile, Path dataDir) {
    String yaml = lines(configFile).stream()
        .map(l -> l.startsWith(KEY) ? KEY + EtcdConfigRenderer.quote(dataDir.toString()) : l)
        .collect(Collectors.joining("\n", "", "\n"));
    new EtcdConfigWriter().write(configFile, yaml);
  }

  private static List<String> lines(Path configFile) {
    try {
      return BoundedFile.utf8(configFile, BoundedFile.SMALL_FILE_BYTES, "etcd config file")
          .lines().toList();
    } catch (IOException e) {
      throw new WardenException("cannot read " + configFile + ": " + e.getMessage(), e);
    }
  }
}
