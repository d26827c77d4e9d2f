package io.etcdwarden.core.auth;

/**
 * The authentication flags as typed: {@code --user NAME} (null when not given),
 * {@code --password-file FILE} (null when not given) and {@code --password}, which asks for the
 * password on the terminal. A password is never a flag's value: it would show in process lists.
 */
public record AuthFlags(String user, String passwordFile, boolean askPassword) {
  public static final String USER_FLAG = "--user";
  public static final String PASSWORD_FILE_FLAG = "--password-file";
  public static final String PASSWORD_FLAG = "--password";

  /** No authentication flags at all. */
  public static AuthFlags none() {
    return new AuthFlags(null, null, false);
  }
}
