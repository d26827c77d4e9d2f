package io.etcdwarden.core;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * The operator's words for a low-level exception, to put after "cannot read X: ". Never
 * {@code null} and never a bare path: many JDK exceptions carry no message ({@link EOFException}
 * from a truncated gzip stream, {@link UserPrincipalNotFoundException}) or only a file name
 * ({@link NoSuchFileException}), which {@code getMessage()} turned into "null" or a riddle. The
 * type says what happened; a wrapper without a message of its own gives way to its cause.
 */
public final class FailureText {
  private FailureText() {}

  /** One line saying what went wrong, naming the file, user or cause it concerns. */
  public static String of(Throwable failure) {
    return describe(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static String describe(Throwable t, Set<Throwable> seen) {
    seen.add(t);
    String message = firstLine(t.getMessage());
    Throwable cause = t.getCause();
    boolean causeUnseen = cause != null && !seen.contains(cause);
    if (t instanceof EOFException) {
      // GZIPInputStream says "Unexpected end of ZLIB input stream" or nothing at all.
      return "the data ends too early (truncated or still being written)";
    }
    if (t instanceof UserPrincipalNotFoundException missing) {
      return "no user or group named '" + missing.getName() + "' on this host";
    }
    if (t instanceof FileSystemException fs) {
      return fileSystem(fs);
    }
    if (t instanceof UncheckedIOException && causeUnseen) {
      return describe(cause, seen);
    }
    if (message == null && causeUnseen) {
      return describe(cause, seen);
    }
    if (message == null) {
      return words(t.getClass().getSimpleName());
    }
    return message;
  }

  private static String fileSystem(FileSystemException e) {
    String file = e.getFile() == null ? "" : e.getFile();
    String other = e.getOtherFile() == null ? "" : " -> " + e.getOtherFile();
    String what;
    if (e instanceof NoSuchFileException) {
      what = "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      what = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      what = "already exists";
    } else if (e instanceof NotDirectoryException) {
      what = "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      what = "directory not empty";
    } else {
      what = e.getReason() != null ? e.getReason() : words(e.getClass().getSimpleName());
    }
    return file.isEmpty() ? what : file + other + ": " + what;
  }

  /** "ClosedChannelException" becomes "closed channel (ClosedChannelException)". */
  private static String words(String typeName) {
    String stem = typeName.replaceAll("(Exception|Error)$", "");
    String spaced = stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return spaced.isBlank() ? typeName : spaced + " (" + typeName + ")";
  }

  private static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
