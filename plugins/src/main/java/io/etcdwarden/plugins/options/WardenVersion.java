package io.etcdwarden.plugins.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven stamped into {@code etcd-warden.properties} at build time: picocli's version
 * provider for the CLI and the plugins, and the tool version archives and the daemon record.
 */
public final class WardenVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"etcd-warden " + version()};
  }

  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = WardenVersion.class.getResourceAsStream("/etcd-warden.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
