package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an issued credential must satisfy before it is signed: a name that is safe as a file name
 * and does not clash with the CA's files, a positive validity, and an expiry no later than the
 * CA's (a request a moment past it is capped, a real overshoot refused).
 */
final class IssueRules {
  /** How far past the CA's expiry a requested certificate expiry is capped, not refused. */
  static final Duration EXPIRY_CAP_TOLERANCE = Duration.ofMinutes(1);

  private static final Pattern CREDENTIAL_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private IssueRules() {}

  static void requireCredentialName(String name, String what) {
    if (name == null || !CREDENTIAL_NAME.matcher(name).matches()) {
      throw WardenException.badInput(
          what + " '" + name + "' is invalid; use letters, digits, '-', '_' and '.' only");
    }
    if (name.equals("ca") || name.equals(".") || name.equals("..")) {
      throw WardenException.badInput(
          what + " '" + name + "' is reserved (it would clash with the CA's files); pick another");
    }
  }

  static void requirePositive(Duration validity, String what) {
    Objects.requireNonNull(validity, what);
    if (validity.isNegative() || validity.isZero()) {
      throw WardenException.badInput(what + " must be positive, not " + validity);
    }
  }

  /** The notAfter of a certificate for {@code name} asked to live {@code validity} from now. */
  static Instant notAfter(String name, Instant now, Duration validity, Instant caExpiry,
      Path caDir) {
    requirePositive(validity, "certificate validity for '" + name + "'");
    Instant requested = now.plus(validity).truncatedTo(ChronoUnit.SECONDS);
    // Asking for the CA's own validity a moment after creating it overshoots by milliseconds:
    // that is capped at the CA's expiry. A real overshoot is the operator's to resolve.
    if (requested.isAfter(caExpiry.plus(EXPIRY_CAP_TOLERANCE))) {
      throw WardenException.badInput(
          "certificate for '" + name + "' would expire " + requested + ", after the CA in "
              + caDir + " (" + caExpiry + "); shorten its validity or renew the CA");
    }
    return requested.isAfter(caExpiry) ? caExpiry : requested;
  }
}
