package io.etcdwarden.installer.upgrade;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code etcd-warden upgrade} was asked to do for the member installed in {@code dataDir}:
 * the new binaries come either from an upstream {@code release} tarball (unpacked under {@code
 * prefix}, whose {@code current} link is switched) or from a folder {@code etcdBinDir} holding
 * {@code etcd}. {@code waitLimit} (--wait) bounds the member's restart (stop to healthy and caught up).
 */
public record UpgradeRequest(Path dataDir, Path release, String releaseSha256, Path etcdBinDir,
    Path prefix, Duration waitLimit, boolean dryRun) {}
