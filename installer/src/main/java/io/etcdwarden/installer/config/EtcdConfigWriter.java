package io.etcdwarden.installer.config;

import io.etcdwarden.core.files.AtomicFileWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Puts a rendered etcd config file in place atomically, so that a member restarting while the
 * installer rewrites its config reads either the old file or the new one, never a torn one.
 * Mode 0640: the file holds no secrets (it only names the key file, which is 0600 itself), but
 * it does map out the member's TLS set-up, so it is kept from other users while a service group
 * (the etcd or monitoring user) may still read it.
 */
public final class EtcdConfigWriter {
  /** Owner read/write, group read, nothing for others. */
  public static final Set<PosixFilePermission> CONFIG_FILE_MODE =
      Set.copyOf(PosixFilePermissions.fromString("rw-r-----"));

  private final AtomicFileWriter writer = new AtomicFileWriter();

  /** Replaces {@code configFile} with {@code yaml}, creating parent directories as needed. */
  public Path write(Path configFile, String yaml) {
    writer.write(configFile, yaml.getBytes(StandardCharsets.UTF_8), CONFIG_FILE_MODE);
    return configFile;
  }
}
