package io.etcdwarden.installer.install;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code install} decided for a member, kept in {@code member.properties} so that later
 * commands ({@code install --uninstall}, {@code credentials package --data-dir}, {@code member
 * add}) need no flags repeated: the member's name, CA folder, etcd binary, service mode, and
 * its client and metrics URLs. A member that runs a brought certificate ({@code install --cert})
 * has no CA folder: {@code caDir} is null, recorded as {@code certificate=brought}.
 */
public record MemberRecord(String name, Path caDir, Path etcdBinary, String serviceMode,
    URI clientUrl, URI metricsUrl) {
  private static final String BROUGHT = "brought";

  /** Whether the member runs the operator's own certificate and has no CA folder of ours. */
  public boolean brought() {
    return caDir == null;
  }

  /**
   * The member's CA folder for {@code command}; for a brought certificate, refuses in one line
   * that names the member and says what to do {@code instead}.
   */
  public Path requireCaDir(String command, String instead) {
    if (brought()) {
      throw WardenException.badInput(command + ": member " + name + " runs a brought certificate"
          + " (install --cert) and has no CA folder; " + instead);
    }
    return caDir;
  }

  /** This record for a member that now runs a brought certificate. */
  public MemberRecord withBroughtCertificate() {
    return new MemberRecord(name, null, etcdBinary, serviceMode, clientUrl, metricsUrl);
  }

  /** Writes the record atomically into {@code layout}. */
  public void save(MemberLayout layout) {
    Properties p = new Properties();
    p.setProperty("name", name);
    if (brought()) {
      p.setProperty("certificate", BROUGHT);
    } else {
      p.setProperty("ca", caDir.toString());
    }
    p.setProperty("etcd", etcdBinary.toString());
    p.setProperty("service", serviceMode);
    p.setProperty("client-url", clientUrl.toString());
    p.setProperty("metrics-url", metricsUrl.toString());
    StringWriter text = new StringWriter();
    try {
      p.store(text, "etcd member installed by etcd-warden");
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string cannot fail", e);
    }
    new AtomicFileWriter().write(layout.recordFile(),
        text.toString().getBytes(StandardCharsets.UTF_8), AtomicFileWriter.WORLD_READABLE);
  }

  /** Reads the record of the member installed in {@code layout}. */
  public static MemberRecord load(MemberLayout layout) {
    Path file = layout.recordFile();
    if (!Files.isRegularFile(file)) {
      throw WardenException.badInput("no member installed in " + layout.dir() + " (" + file
          + " is missing); fix --data-dir");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(BoundedFile.utf8(file, BoundedFile.SMALL_FILE_BYTES,
          "member record")));
    } catch (IOException e) {
      throw new WardenException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path ca = BROUGHT.equals(p.getProperty("certificate")) ? null
        : Path.of(required(p, "ca", file));
    return new MemberRecord(required(p, "name", file), ca,
        Path.of(required(p, "etcd", file)), required(p, "service", file),
        URI.create(required(p, "client-url", file)), URI.create(required(p, "metrics-url", file)));
  }

  private static String required(Properties p, String key, Path file) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw WardenException.badInput(file + " has no '" + key + "'; reinstall the member");
    }
    return value;
  }
}
