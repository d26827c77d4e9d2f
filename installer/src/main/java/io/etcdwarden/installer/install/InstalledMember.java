package io.etcdwarden.installer.install;

import java.net.URI;
import java.nio.file.Path;

/**
 * The outcome of installing one member: where it lives, how it runs, the URL clients use, and
 * whether it is already healthy or only started and waiting for the rest of its new cluster.
 */
public record InstalledMember(String name, Path dir, Path etcdBinary, String serviceMode,
    URI clientUrl, String clusterToken, boolean healthy, int clusterSize) {}
