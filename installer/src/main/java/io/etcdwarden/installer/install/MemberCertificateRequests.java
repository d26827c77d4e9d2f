package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.installer.pki.CertFiles;
import io.etcdwarden.installer.pki.CertificateRequest;
import io.etcdwarden.installer.pki.Pki;
import io.etcdwarden.installer.pki.RequestSigning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A join without the CA's key ({@code certs request}, {@code certs sign}): the new host writes a
 * key and a request naming the hosts its install arguments give the member (its {@code
 * --initial-cluster} entry's host, and {@code --advertise}); the CA's host signs it after
 * checking those hosts against its own copy of the initial cluster; {@code install --cert --key
 * --trusted-ca} then takes the signed certificate. The CA key stays on one host.
 */
public final class MemberCertificateRequests {
  /** Writes {@code NAME.key} (0600) and {@code NAME.csr} into {@code outDir}; returns the CSR. */
  public Path request(String name, String initialCluster, String advertise, Path outDir) {
    String peerHost = InitialCluster.parse(initialCluster).peerUrlOf(name).getHost();
    Set<String> hosts = new LinkedHashSet<>();
    if (advertise != null) {
      hosts.add(advertise);
    }
    hosts.add(peerHost);
    return CertificateRequest.write(name, List.copyOf(hosts), outDir);
  }

  /**
   * Signs the request in {@code csr} with the CA in {@code caDir} into {@code outDir}, if the
   * member it names is in {@code initialCluster} and it asks only for that member's peer host,
   * {@code addSans}, 127.0.0.1 and localhost.
   */
  public CertFiles sign(Path csr, Path caDir, String initialCluster, List<String> addSans,
      Path outDir) {
    CertificateRequest request = CertificateRequest.read(csr);
    InitialCluster cluster = InitialCluster.parse(initialCluster);
    if (!cluster.members().containsKey(request.commonName())) {
      throw WardenException.badInput("refusing to sign: --csr " + csr + " asks for member "
          + request.commonName() + ", which --initial-cluster does not list ("
          + String.join(", ", cluster.members().keySet()) + ")");
    }
    String peerHost = cluster.peerUrlOf(request.commonName()).getHost();
    List<String> allowed = new ArrayList<>(addSans);
    allowed.add(peerHost);
    return new RequestSigning(Pki.loadCa(caDir)).sign(request, allowed, List.of(peerHost),
        outDir, MemberInstaller.MEMBER_CERT_VALIDITY);
  }
}
