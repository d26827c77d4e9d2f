package io.etcdwarden.nrpe;

import io.etcdwarden.core.FailureText;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;

/**
 * Gives the NRPE user (Debian: {@code nagios}) its own copy of the TLS files the check needs,
 * because NRPE runs commands as that user and a root-only 0600 client key is unreadable to it.
 * The copies go into one directory, owned by that user (who may also keep the check's state file
 * there), the key mode 0400; the group is left as it is, since only the owner needs access and
 * a user's primary group need not share its name. The operator's files are left alone. Re-run it
 * after rotating certificates.
 */
public final class NagiosCredentials {
  /** File name of the CA copy in the NRPE user's folder. */
  public static final String CA = "ca.crt";
  /** File name of the client certificate copy in the NRPE user's folder. */
  public static final String CERT = "client.crt";
  /** File name of the client key copy (0400) in the NRPE user's folder. */
  public static final String KEY = "client.key";
  private static final String STATE = "leader-terms.state";

  private final Path dir;
  private final String user;
  private final AtomicFileWriter files = new AtomicFileWriter();

  public NagiosCredentials(Path dir, String user) {
    this.dir = dir;
    this.user = user;
  }

  /**
   * The copied files, each present when its source was given, and the state file the check
   * may keep in the same folder.
   */
  public record Copies(Optional<Path> cacert, Optional<Path> cert, Optional<Path> key,
      Path stateFile) {}

  /** Where {@link #install} puts the copies in {@code dir}, without copying anything. */
  public static Copies planned(Path dir, Optional<Path> cacert, Optional<Path> cert,
      Optional<Path> key) {
    return new Copies(cacert.map(p -> dir.resolve(CA)), cert.map(p -> dir.resolve(CERT)),
        key.map(p -> dir.resolve(KEY)), dir.resolve(STATE));
  }

  public Copies install(Optional<Path> cacert, Optional<Path> cert, Optional<Path> key) {
    UserPrincipal owner = owner();
    try {
      Files.createDirectories(dir);
      // Writable by its owner only: the check keeps its state file here. The group stays the
      // installer's: the user alone needs access, and its primary group may bear another name.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
      Files.setOwner(dir, owner);
      return new Copies(copy(cacert, CA, "r--r--r--", owner),
          copy(cert, CERT, "r--r--r--", owner),
          copy(key, KEY, "r--------", owner), dir.resolve(STATE));
    } catch (IOException e) {
      throw new WardenException("cannot give user '" + user + "' the TLS files in " + dir + ": "
          + FailureText.of(e), e);
    }
  }

  private UserPrincipal owner() {
    try {
      return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    } catch (UserPrincipalNotFoundException e) {
      throw WardenException.badInput("--nrpe-user: no user named '" + user + "' on this host"
          + " (is nagios-nrpe-server installed? name the user NRPE runs checks as)", e);
    } catch (IOException e) {
      throw new WardenException("cannot look up user '" + user + "': " + FailureText.of(e), e);
    }
  }

  private Optional<Path> copy(Optional<Path> source, String name, String mode,
      UserPrincipal owner) throws IOException {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Path target = dir.resolve(name);
    files.write(target, Files.readAllBytes(source.get()), PosixFilePermissions.fromString(mode));
    Files.setOwner(target, owner);
    return Optional.of(target);
  }
}
