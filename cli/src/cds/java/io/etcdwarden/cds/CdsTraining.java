package io.etcdwarden.cds;


import io.etcdwarden.cli.EtcdWarden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * For {@code bin/etcd-warden-cds} only, and shipped apart from the CLI in
 * {@code lib/etcd-warden-cds.jar} (this source folder is compiled on its own, never into
 * {@code etcd-warden.jar}, so it is no part of the command tree): runs several etcd-warden command lines, one
 * after another, in one JVM, so that the class-data sharing archive (which records the classes
 * of one JVM) holds what all of them load: the Nagios checks, and the snapshot path end to end
 * when the script could start a sandbox etcd. Command lines are separated by {@code --next};
 * their output is discarded and their exit codes, printed on stderr, do not matter (a refused
 * endpoint trains the start-up path too).
 */
public final class CdsTraining {
  static final String NEXT = "--next";

  private CdsTraining() {}

  public static void main(String[] args) {
    List<String> line = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(NEXT)) {
        run(line);
        line.clear();
      } else {
        line.add(arg);
      }
    }
    run(line);
    // jetcd leaves non-daemon threads behind; the archive is written at exit either way.
    System.exit(0);
  }

  private static void run(List<String> line) {
    if (line.isEmpty()) {
      return;
    }
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    StringWriter errors = new StringWriter();
    int code;
    try {
      code = EtcdWarden.run(line.toArray(String[]::new), System.getenv(), sink,
          new PrintWriter(errors, true));
    } catch (RuntimeException e) {
      code = -1;
      errors.write(e.toString());
    }
    System.err.println("etcd-warden-cds: " + String.join(" ", line) + ": exit " + code
        + (code == 0 ? "" : ": " + errors.toString().strip()));
  }
}
