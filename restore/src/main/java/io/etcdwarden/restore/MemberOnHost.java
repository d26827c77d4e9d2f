package io.etcdwarden.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.auth.EtcdCredentials;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.installer.install.MemberLayout;
import io.etcdwarden.installer.install.MemberRecord;
import io.etcdwarden.installer.process.EtcdBinary;
import io.etcdwarden.installer.service.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The etcd member on this host that a restore replaces, as the installer left it: read from the
 * {@code --config-file} YAML it wrote (name, data dir, URLs, TLS files) and, when present, the
 * {@code member.properties} beside it (etcd binary and service mode). The member's own
 * certificate carries clientAuth, so restore asks etcd about the cluster with it; on a cluster
 * with auth enabled, as the etcd user the request names (else etcd maps the certificate's CN).
 */
record MemberOnHost(String name, Path configFile, Path dataDir, List<URI> peerUrls,
    List<URI> clientUrls, URI metricsUrl, Path certFile, Path keyFile, Path caFile,
    Path etcdBinary, String serviceMode, Path logFile, Path pidFile,
    Optional<EtcdCredentials> credentials) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The member installed in {@code memberDir} (install's {@code --data-dir}). */
  public static MemberOnHost fromMemberDir(Path memberDir, Map<String, String> env) {
    MemberLayout layout = new MemberLayout(memberDir);
    if (!Files.isRegularFile(layout.configFile())) {
      throw new WardenException("no etcd member installed in " + layout.dir() + " ("
          + layout.configFile() + " is missing); fix --data-dir or give --etcd-config");
    }
    return fromConfig(layout.configFile(), env);
  }

  /** The member whose etcd reads {@code configFile}. */
  public static MemberOnHost fromConfig(Path configFile, Map<String, String> env) {
    Path config = configFile.toAbsolutePath().normalize();
    JsonNode yaml;
    try {
      yaml = YAML.readTree(config.toFile());
    } catch (IOException e) {
      throw new WardenException("cannot read etcd config " + config + ": " + e.getMessage(), e);
    }
    if (yaml == null || !yaml.isObject()) {
      throw new WardenException("etcd config " + config + " is not a YAML mapping");
    }
    MemberLayout layout = new MemberLayout(config.getParent());
    Path etcd;
    String mode;
    if (Files.isRegularFile(layout.recordFile())) {
      MemberRecord record = MemberRecord.load(layout);
      etcd = record.etcdBinary();
      mode = record.serviceMode();
    } else {
      etcd = EtcdBinary.locate(env);
      mode = "";
    }
    JsonNode tls = yaml.path("client-transport-security");
    List<URI> metrics = urls(yaml, "listen-metrics-urls", config, false);
    return new MemberOnHost(text(yaml, "name", config), config,
        Path.of(text(yaml, "data-dir", config)), urls(yaml, "initial-advertise-peer-urls",
        config, true), urls(yaml, "advertise-client-urls", config, true),
        metrics.isEmpty() ? null : metrics.get(0),
        Path.of(text(tls, "cert-file", config)), Path.of(text(tls, "key-file", config)),
        Path.of(text(tls, "trusted-ca-file", config)), etcd, mode, layout.logFile(),
        layout.pidFile(), Optional.empty());
  }

  /** What the installer's service managers need to stop and start this member. */
  public ServiceSpec serviceSpec() {
    return new ServiceSpec(name, etcdBinary, configFile, logFile, pidFile);
  }

  /** This member's client URLs with its own certificate: how restore asks etcd questions. */
  public EtcdTarget target(Duration timeout) {
    return new EtcdTarget(clientUrls, Optional.of(caFile), Optional.of(certFile),
        Optional.of(keyFile), timeout, Map.of(EtcdTarget.ENDPOINTS, configFile.toString()))
        .withCredentials(credentials);
  }

  /** The same member, asked as etcd user {@code user} (empty: by its certificate's CN). */
  MemberOnHost withCredentials(Optional<EtcdCredentials> user) {
    return new MemberOnHost(name, configFile, dataDir, peerUrls, clientUrls, metricsUrl,
        certFile, keyFile, caFile, etcdBinary, serviceMode, logFile, pidFile, user);
  }

  /** {@code name=peerUrl,...}: the member alone, the initial cluster a restore gives it. */
  public String initialClusterAlone() {
    return String.join(",", peerUrls.stream().map(u -> name + "=" + u).toList());
  }

  private static String text(JsonNode node, String key, Path config) {
    JsonNode value = node.path(key);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new WardenException("etcd config " + config + " has no '" + key + "'");
    }
    return value.asText();
  }

  private static List<URI> urls(JsonNode yaml, String key, Path config, boolean required) {
    if (!required && yaml.path(key).isMissingNode()) {
      return List.of();
    }
    try {
      return Arrays.stream(text(yaml, key, config).split(",")).map(String::strip)
          .map(URI::create).toList();
    } catch (IllegalArgumentException e) {
      throw new WardenException("etcd config " + config + ": '" + key + "' is not a URL list");
    }
  }
}
