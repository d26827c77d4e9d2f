package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.core.tls.TlsFiles;
import io.etcdwarden.installer.config.EtcdMemberConfig;
import io.etcdwarden.installer.pki.BroughtCertificate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The certificate an installed member serves, as a re-run of {@code install --cert} compares it
 * with the one brought: the same file content is no change; another is shown by serial number.
 */
final class MemberCertificate {
  private MemberCertificate() {}

  /** The installed member's certificate, key and trusted CA files as its config names them. */
  static BroughtCertificate of(EtcdMemberConfig installed) {
    return new BroughtCertificate(installed.certFile(), installed.keyFile(),
        installed.trustedCaFile());
  }

  static boolean same(BroughtCertificate own, EtcdMemberConfig installed) {
    return Arrays.equals(bytes(own.cert()), bytes(installed.certFile()))
        && Arrays.equals(bytes(own.key()), bytes(installed.keyFile()))
        && Arrays.equals(bytes(own.trustedCa()), bytes(installed.trustedCaFile()));
  }

  static SettingChange change(EtcdMemberConfig installed, BroughtCertificate own) {
    return new SettingChange("cert-file", "serial " + serial(installed.certFile(), "cert-file"),
        "serial " + serial(own.cert(), "--cert") + " (with --key, --trusted-ca)");
  }

  private static String serial(Path file, String origin) {
    return TlsFiles.certificates("member certificate", file, origin).get(0).getSerialNumber()
        .toString(16);
  }

  private static byte[] bytes(Path file) {
    try {
      return BoundedFile.bytes(file, BoundedFile.SMALL_FILE_BYTES, "PEM file");
    } catch (IOException e) {
      throw WardenException.badInput("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
