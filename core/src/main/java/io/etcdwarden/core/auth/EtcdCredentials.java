package io.etcdwarden.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An etcd user name and its password, for clusters with {@code auth enable}, with the place each
 * came from ("--user", "ETCDCTL_PASSWORD", "etcd.password_file in /etc/etcd-warden/warden.yaml").
 * The password never leaves this object as text: {@link #toString()} shows the user and the
 * password's origin only, and {@link #passwordBytes()} hands out a copy for the client library.
 * Without credentials a client authenticates, as etcd does it, by its certificate's common name.
 */
public final class EtcdCredentials {
  private final String user;
  private final byte[] password;
  private final String userOrigin;
  private final String passwordOrigin;

  public EtcdCredentials(String user, String password, String userOrigin, String passwordOrigin) {
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("an etcd user name must not be empty");
    }
    this.user = user;
    this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
    this.userOrigin = Objects.requireNonNull(userOrigin, "userOrigin");
    this.passwordOrigin = Objects.requireNonNull(passwordOrigin, "passwordOrigin");
  }

  public String user() {
    return user;
  }

  /** A copy of the password's UTF-8 bytes, for the client library's authenticate call. */
  public byte[] passwordBytes() {
    return Arrays.copyOf(password, password.length);
  }

  /** Where the user name came from, e.g. {@code --user} or {@code ETCDCTL_USER}. */
  public String userOrigin() {
    return userOrigin;
  }

  /** Where the password came from, e.g. {@code ETCDCTL_PASSWORD}, never the password itself. */
  public String passwordOrigin() {
    return passwordOrigin;
  }

  /** "user 'NAME' (from ORIGIN)", the words failures use to name who was refused. */
  public String describe() {
    return "user '" + user + "' (from " + userOrigin + ")";
  }

  @Override
  public String toString() {
    return "EtcdCredentials[user=" + user + ", password from " + passwordOrigin + "]";
  }
}
