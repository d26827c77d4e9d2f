package io.etcdwarden.installer.credentials;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README of a client credentials package: how to point etcdctl at the cluster with the
 * files beside it. Pure. Paths use {@code $PWD} so the lines work wherever the archive is
 * unpacked, once the reader has changed into that folder.
 */
final class ReadmeRenderer {

  String render(List<URI> endpoints) {
    String joined = endpoints.stream().map(URI::toString).collect(Collectors.joining(","));
    return "etcd client credentials, packaged by etcd-warden.\n"
        + "\n"
        + "Unpack this archive, change into its folder, then:\n"
        + "\n"
        + "export ETCDCTL_ENDPOINTS=" + joined + "\n"
        + "export ETCDCTL_CACERT=\"$PWD/ca.crt\"\n"
        + "export ETCDCTL_CERT=\"$PWD/client.crt\"\n"
        + "export ETCDCTL_KEY=\"$PWD/client.key\"\n"
        + "\n"
        + "etcdctl member list\n"
        + "\n"
        + "client.key is this cluster's client identity: keep it private (mode 0600).\n";
  }
}
