package io.etcdwarden.installer.upgrade;

import io.etcdwarden.core.version.EtcdVersion;
import io.etcdwarden.installer.config.EtcdConfigRenderer;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.config.InstalledConfig;
import java.nio.file.Path;

/**
 * The member's config rendered again for the etcd version it is upgraded to: the settings it
 * was installed with, read back from its config file, through the one renderer {@code install}
 * uses. The only place {@code upgrade} calls the renderer.
 */
final class ConfigForVersion {
  private ConfigForVersion() {}

  static String render(Path configFile, EtcdVersion version) {
    EtcdMemberConfig config = InstalledConfig.read(configFile);
    return new EtcdConfigRenderer(version.line()).render(config);
  }
}
