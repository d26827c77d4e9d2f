package io.etcdwarden.core.auth;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.EtcdSection;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which etcd user, if any, a command authenticates as. The user: {@code --user} wins over
 * {@code ETCDCTL_USER}, which wins over {@code etcd.user} in warden.yaml. The password: {@code
 * --password-file}, then the terminal when {@code --password} asks for it, then the
 * {@code NAME:PASSWORD} form of {@code ETCDCTL_USER} (as etcdctl reads it), {@code
 * ETCDCTL_PASSWORD}, {@code etcd.password_file}, and last the terminal if there is one. A
 * password is never taken from a flag's value: {@code --user NAME:PASSWORD}, which etcdctl allows,
 * is refused because the password would show in every process list; so is a password without a
 * user. No user at all means no credentials: etcd then maps the client certificate's common name
 * to a user, when auth is enabled.
 */
public final class EtcdCredentialsResolver {
  public static final String ETCDCTL_USER = "ETCDCTL_USER";
  public static final String ETCDCTL_PASSWORD = "ETCDCTL_PASSWORD";

  private EtcdCredentialsResolver() {}

  /** A value and the place it came from. */
  private record Sourced(String value, String origin) {}

  /** The credentials the layers give, or empty when none names a user. */
  public static Optional<EtcdCredentials> resolve(AuthFlags flags, Map<String, String> env,
      EtcdSection etcd, String configSourceName, PasswordPrompt prompt) {
    String inConfig = " in " + configSourceName;
    Optional<Sourced> passwordFile = passwordFile(flags, etcd, inConfig);
    Optional<Sourced> envPassword = given(env, ETCDCTL_PASSWORD);
    Optional<Sourced> user = user(flags, env, etcd, inConfig, envPassword);
    if (user.isEmpty()) {
      passwordFile.map(Sourced::origin).or(() -> envPassword.map(Sourced::origin))
          .or(() -> flags.askPassword() ? Optional.of(AuthFlags.PASSWORD_FLAG) : Optional.empty())
          .ifPresent(origin -> {
            throw WardenException.badInput("a password (from " + origin + ") but no etcd user:"
                + " name one with " + AuthFlags.USER_FLAG + ", " + ETCDCTL_USER + " or etcd.user"
                + inConfig);
          });
      return Optional.empty();
    }
    String name = user.get().value();
    String password;
    String passwordOrigin;
    Optional<String> inUser = passwordInEnvUser(env);
    if (flags.passwordFile() != null) {
      password = PasswordFile.read(Path.of(passwordFile.get().value()), AuthFlags.PASSWORD_FILE_FLAG);
      passwordOrigin = AuthFlags.PASSWORD_FILE_FLAG;
    } else if (flags.askPassword()) {
      password = ask(prompt, name, AuthFlags.PASSWORD_FLAG + ": no terminal to ask for the"
          + " password of etcd user '" + name + "' on; use " + ETCDCTL_PASSWORD + " or "
          + AuthFlags.PASSWORD_FILE_FLAG);
      passwordOrigin = "the terminal";
    } else if (inUser.isPresent() && user.get().origin().equals(ETCDCTL_USER)) {
      password = inUser.get();
      passwordOrigin = ETCDCTL_USER;
    } else if (envPassword.isPresent()) {
      password = envPassword.get().value();
      passwordOrigin = ETCDCTL_PASSWORD;
    } else if (passwordFile.isPresent()) {
      password = PasswordFile.read(Path.of(passwordFile.get().value()), passwordFile.get().origin());
      passwordOrigin = passwordFile.get().origin();
    } else {
      password = ask(prompt, name, "no password for etcd user '" + name + "' (from "
          + user.get().origin() + "): set " + ETCDCTL_PASSWORD + ", " + AuthFlags.PASSWORD_FILE_FLAG
          + " or etcd.password_file" + inConfig + ", or run on a terminal to be asked");
      passwordOrigin = "the terminal";
    }
    return Optional.of(new EtcdCredentials(name, password, user.get().origin(), passwordOrigin));
  }

  private static Optional<Sourced> user(AuthFlags flags, Map<String, String> env,
      EtcdSection etcd, String inConfig, Optional<Sourced> envPassword) {
    if (flags.user() != null) {
      String typed = flags.user().trim();
      if (typed.isEmpty()) {
        throw WardenException.badInput(AuthFlags.USER_FLAG + " is empty: give a user name or"
            + " leave the flag out");
      }
      if (typed.contains(":")) {
        throw WardenException.badInput(AuthFlags.USER_FLAG + " NAME:PASSWORD is refused: the"
            + " password would show in process lists; give " + AuthFlags.USER_FLAG
            + " NAME and the password by " + ETCDCTL_PASSWORD + ", "
            + AuthFlags.PASSWORD_FILE_FLAG + " or " + AuthFlags.PASSWORD_FLAG + " (asks)");
      }
      return Optional.of(new Sourced(typed, AuthFlags.USER_FLAG));
    }
    Optional<Sourced> fromEnv = given(env, ETCDCTL_USER);
    if (fromEnv.isPresent()) {
      String value = fromEnv.get().value();
      int colon = value.indexOf(':');
      if (colon == 0) {
        throw WardenException.badInput(ETCDCTL_USER + " has a password but no user name before"
            + " the ':'");
      }
      if (colon > 0 && envPassword.isPresent()) {
        throw WardenException.badInput(ETCDCTL_USER + " holds a password (NAME:PASSWORD) and "
            + ETCDCTL_PASSWORD + " is set too: keep one of them");
      }
      return Optional.of(new Sourced(colon > 0 ? value.substring(0, colon) : value, ETCDCTL_USER));
    }
    Optional<String> fromConfig = etcd.user();
    if (fromConfig.isPresent() && fromConfig.get().contains(":")) {
      throw WardenException.badInput("etcd.user" + inConfig + " must be a user name only: put"
          + " the password in a file named by etcd.password_file");
    }
    return fromConfig.map(u -> new Sourced(u, "etcd.user" + inConfig));
  }

  private static Optional<String> passwordInEnvUser(Map<String, String> env) {
    String value = env.get(ETCDCTL_USER);
    int colon = value == null ? -1 : value.indexOf(':');
    return colon > 0 ? Optional.of(value.substring(colon + 1)) : Optional.empty();
  }

  private static Optional<Sourced> passwordFile(AuthFlags flags, EtcdSection etcd,
      String inConfig) {
    if (flags.passwordFile() != null) {
      if (flags.passwordFile().isBlank()) {
        throw WardenException.badInput(AuthFlags.PASSWORD_FILE_FLAG + " is empty: give a file or"
            + " leave the flag out");
      }
      try {
        Path.of(flags.passwordFile());
      } catch (InvalidPathException e) {
        throw WardenException.badInput(AuthFlags.PASSWORD_FILE_FLAG + ": '"
            + flags.passwordFile() + "' is not a file path");
      }
      return Optional.of(new Sourced(flags.passwordFile(), AuthFlags.PASSWORD_FILE_FLAG));
    }
    return etcd.passwordFile().map(p -> new Sourced(p.toString(),
        "etcd.password_file" + inConfig));
  }

  private static Optional<Sourced> given(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isEmpty()) {
      throw WardenException.badInput(name + " is set but empty: give it a value or unset it");
    }
    return Optional.of(new Sourced(value, name));
  }

  private static String ask(PasswordPrompt prompt, String user, String noTerminal) {
    String typed = prompt.ask("Password for etcd user " + user + ": ")
        .orElseThrow(() -> WardenException.badInput(noTerminal));
    if (typed.isEmpty()) {
      throw WardenException.badInput("empty password typed for etcd user '" + user + "'");
    }
    return typed;
  }
}
