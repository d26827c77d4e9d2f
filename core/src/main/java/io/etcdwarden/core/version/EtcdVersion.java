package io.etcdwarden.core.version;

import io.etcdwarden.core.WardenException;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An etcd release version, {@code MAJOR.MINOR.PATCH}, as a member reports it through its status
 * API or a binary prints it with {@code --version}. Every behaviour that differs by etcd version
 * asks this type (through {@link EtcdLine}) instead of comparing strings.
 */
public record EtcdVersion(int major, int minor, int patch) implements Comparable<EtcdVersion> {

  private static final Pattern TEXT = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+][0-9A-Za-z.+-]*)?");
  private static final Pattern BINARY_LINE =
      Pattern.compile("(?m)^etcd(?:ctl|utl)? [Vv]ersion: (\\S+)\\s*$");
  private static final Comparator<EtcdVersion> ORDER = Comparator.comparingInt(EtcdVersion::major)
      .thenComparingInt(EtcdVersion::minor).thenComparingInt(EtcdVersion::patch);

  public EtcdVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version part");
    }
  }

  public static EtcdVersion of(int major, int minor, int patch) {
    return new EtcdVersion(major, minor, patch);
  }

  /** Parses {@code 3.5.30}, {@code v3.6.0} or {@code 3.6.0-rc.1}; {@code what} names the source. */
  public static EtcdVersion parse(String text, String what) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw WardenException.badInput(what + ": '" + text + "' is not an etcd version (MAJOR.MINOR.PATCH)");
    }
    try {
      return new EtcdVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      throw WardenException.badInput(what + ": '" + text + "' is not an etcd version", e);
    }
  }

  /**
   * The version in the output of {@code etcd --version} (or etcdctl's/etcdutl's {@code version}):
   * its first line reads {@code etcd Version: 3.5.30}.
   */
  public static EtcdVersion fromVersionOutput(String output, String binary) {
    Matcher m = BINARY_LINE.matcher(Objects.requireNonNullElse(output, ""));
    if (!m.find()) {
      throw new WardenException(binary + " did not print its version (no 'etcd Version:' line)");
    }
    return parse(m.group(1), binary);
  }

  /** The minor line this release belongs to, e.g. 3.5 for 3.5.30. */
  public EtcdLine line() {
    return EtcdLine.of(major, minor);
  }

  public boolean atLeast(int wantMajor, int wantMinor, int wantPatch) {
    return compareTo(of(wantMajor, wantMinor, wantPatch)) >= 0;
  }

  @Override
  public int compareTo(EtcdVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
