package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the command lines NRPE runs for etcd-warden's checks, as pure strings. NRPE hands a
 * command line to {@code /bin/sh -c} from its own working directory ({@code /}), so every
 * argument is one quoted shell word ({@link ShellWords}: a store URI's {@code &} no longer ends
 * the command) and every path is absolute, a relative one resolved against the working directory
 * given here (the operator's, at install time), the plugin's own path options inside the extra
 * arguments included.
 */
public final class NrpeCommandLines {
  public static final String CLUSTER_PLUGIN = "check_etcd_cluster";
  public static final String BACKUP_PLUGIN = "check_etcd_backup";
  /** The plugins' options that take a file; their values in extra arguments are made absolute. */
  private static final Set<String> PATH_OPTIONS =
      Set.of("--config", "--cacert", "--cert", "--key", "--state-file");

  private final Path workingDir;

  /** Relative paths are resolved against {@code workingDir}, which must be absolute. */
  public NrpeCommandLines(Path workingDir) {
    if (!workingDir.isAbsolute()) {
      throw new IllegalArgumentException("working dir must be absolute: " + workingDir);
    }
    this.workingDir = workingDir;
  }

  /** {@code path} made absolute against the working directory, normalized. */
  public Path absolute(Path path) {
    return workingDir.resolve(path).normalize();
  }

  /**
   * {@code check_etcd_cluster} with the NRPE user's TLS copies, the state file for counting
   * leader changes beside them, then {@code extraArgs} split as the shell would.
   */
  public NrpeCheck cluster(Path plugin, List<URI> endpoints, NagiosCredentials.Copies copies,
      String extraArgs) {
    List<String> words = new ArrayList<>();
    words.add(absolute(plugin).toString());
    words.addAll(endpointsAndTls(endpoints, copies));
    words.addAll(List.of("--state-file", absolute(copies.stateFile()).toString()));
    words.addAll(absolutePathOptions(ShellWords.split(extraArgs, "--check-args")));
    return new NrpeCheck("etcd_cluster", "etcd cluster health", render(words));
  }

  /**
   * {@code check_etcd_backup}, found beside {@code clusterPlugin}, naming the store explicitly
   * (NRPE's user may not read the config) and the same TLS copies, for the daemon's last-run
   * record in etcd.
   */
  public NrpeCheck backup(Path clusterPlugin, URI store, List<URI> endpoints,
      NagiosCredentials.Copies copies) {
    List<String> words = new ArrayList<>();
    words.add(absolute(clusterPlugin).resolveSibling(BACKUP_PLUGIN).toString());
    words.addAll(List.of("--target", store.toString()));
    words.addAll(endpointsAndTls(endpoints, copies));
    return new NrpeCheck("etcd_backup", "etcd backup freshness", render(words));
  }

  private List<String> endpointsAndTls(List<URI> endpoints, NagiosCredentials.Copies copies) {
    List<String> words = new ArrayList<>();
    words.add("--endpoints");
    words.add(endpoints.stream().map(URI::toString).collect(Collectors.joining(",")));
    tls(words, "--cacert", copies.cacert());
    tls(words, "--cert", copies.cert());
    tls(words, "--key", copies.key());
    return words;
  }

  private void tls(List<String> words, String option, Optional<Path> file) {
    file.ifPresent(p -> words.addAll(List.of(option, absolute(p).toString())));
  }

  /** {@code --config x} and {@code --config=x} with {@code x} made absolute. */
  private List<String> absolutePathOptions(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      if (PATH_OPTIONS.contains(arg) && i + 1 < args.size()) {
        out.add(arg);
        out.add(absolute(Path.of(args.get(++i))).toString());
      } else if (eq > 0 && PATH_OPTIONS.contains(arg.substring(0, eq))) {
        out.add(arg.substring(0, eq + 1) + absolute(Path.of(arg.substring(eq + 1))));
      } else {
        out.add(arg);
      }
    }
    return out;
  }

  /** The words as one command line, refusing what NRPE would change before the shell sees it. */
  private static String render(List<String> words) {
    for (String word : words) {
      if (word.indexOf('$') >= 0) {
        throw WardenException.badInput("the NRPE command cannot carry '" + word + "': NRPE"
            + " rewrites '$' (its macro sign) in command lines; choose a name without '$'");
      }
      if (word.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw WardenException.badInput("the NRPE command cannot carry '" + word.strip()
            + "': it holds a line break or another control character");
      }
    }
    return ShellWords.join(words);
  }
}
