package io.etcdwarden.plugins.options;

import io.etcdwarden.core.auth.AuthFlags;
import io.etcdwarden.core.auth.EtcdCredentials;
import io.etcdwarden.core.auth.EtcdCredentialsResolver;
import io.etcdwarden.core.auth.PasswordPrompt;
import io.etcdwarden.core.config.WardenConfig;
import java.io.Console;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The etcd user flags (clusters with {@code auth enable}), shared by every command that talks to
 * etcd through {@link TargetOptions}. A password is never a flag's value, since it would show in
 * process lists: it comes from {@code --password-file}, {@code ETCDCTL_PASSWORD}, warden.yaml's
 * {@code etcd.password_file}, or the terminal ({@code --password}).
 */
public final class AuthOptions {
  @Option(names = AuthFlags.USER_FLAG, paramLabel = "NAME",
      description = "etcd user (auth enabled); without one, etcd maps the client certificate's"
          + " CN to a user. NAME:PASSWORD is refused (ps shows it); also ETCDCTL_USER.")
  String user;

  @Option(names = AuthFlags.PASSWORD_FILE_FLAG, paramLabel = "FILE",
      description = "File whose first line is the etcd user's password (mode 0600 or 0640).")
  String passwordFile;

  @Option(names = AuthFlags.PASSWORD_FLAG, arity = "0",
      description = "Ask for the etcd user's password on the terminal (or: ETCDCTL_PASSWORD).")
  boolean askPassword;

  private Optional<EtcdCredentials> resolved;

  /**
   * The credentials flags, environment and config give, or empty for certificate auth; worked
   * out once per command, so the terminal asks for a password at most once.
   */
  public Optional<EtcdCredentials> resolve(Environment env, WardenConfig config, String configSource) {
    if (resolved == null) {
      resolved = EtcdCredentialsResolver.resolve(new AuthFlags(user, passwordFile, askPassword),
          env.variables(), config.etcd(), configSource, terminal());
    }
    return resolved;
  }

  private static PasswordPrompt terminal() {
    return question -> {
      Console console = System.console();
      if (console == null) {
        return Optional.empty();
      }
      return Optional.ofNullable(console.readPassword("%s", question)).map(String::new);
    };
  }
}
