package io.etcdwarden.daemon;

import io.etcdwarden.core.endpoint.EtcdTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every certificate the daemon can see, by a name an operator recognises, with the time it
 * expires: each member's server certificate ({@code server etcd0}, fetched with the survey) and
 * the CA and client certificate files the daemon connects with (by path). A file that cannot be
 * read is left out here; {@code check_etcd_cluster} names it as UNKNOWN.
 */
final class CertificateExpiries {
  private CertificateExpiries() {}

  static Map<String, Instant> of(EtcdTarget target, Map<String, Instant> serverExpiry) {
    Map<String, Instant> all = new TreeMap<>();
    serverExpiry.forEach((member, at) -> all.put("server " + member, at));
    for (Optional<Path> file : java.util.List.of(target.caFile(), target.certFile())) {
      file.ifPresent(f -> earliest(f).ifPresent(at -> all.put(f.toString(), at)));
    }
    return all;
  }

  private static Optional<Instant> earliest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(c -> ((X509Certificate) c).getNotAfter().toInstant()).min(Instant::compareTo);
    } catch (IOException | CertificateException e) {
      return Optional.empty();
    }
  }
}
