package io.etcdwarden.core;

/**
 * The one exception type for failures an operator can act on. Its message is a single line
 * that names what went wrong and what to fix (a flag, a config key, a file, an endpoint); the
 * CLI prints it without a stack trace. {@link Kind#BAD_INPUT} marks the operator's own input
 * (flags, config, files) as the culprit, which the CLI maps to the usage exit code; {@link
 * #retryable()} tells schedulers whether trying again later may succeed. A URL's user-info in
 * the message is masked ({@link Redaction}): a password is never echoed.
 */
public class WardenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whose fault a failure is, which decides the exit code. */
  public enum Kind {
    /** The operator's input is wrong: a flag, a config key, a file. */
    BAD_INPUT,
    /** The operation was attempted and failed: unreachable endpoint, refused handshake. */
    FAILED
  }

  private final Kind kind;
  private final boolean retryable;

  public WardenException(String message) {
    this(Kind.FAILED, false, message, null);
  }

  public WardenException(String message, Throwable cause) {
    this(Kind.FAILED, false, message, cause);
  }

  protected WardenException(Kind kind, boolean retryable, String message, Throwable cause) {
    super(Redaction.userInfo(message), cause);
    this.kind = kind;
    this.retryable = retryable;
  }

  /** A mistake in the operator's input; never retryable. */
  public static WardenException badInput(String message) {
    return new WardenException(Kind.BAD_INPUT, false, message, null);
  }

  /** A mistake in the operator's input, with the low-level cause kept for debugging. */
  public static WardenException badInput(String message, Throwable cause) {
    return new WardenException(Kind.BAD_INPUT, false, message, cause);
  }

  /** A failure that may go away on its own (an endpoint that is down, a timeout). */
  public static WardenException retryable(String message, Throwable cause) {
    return new WardenException(Kind.FAILED, true, message, cause);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }
}
