package io.etcdwarden.cli;

import io.etcdwarden.plugins.ClusterPlugin;
import io.etcdwarden.plugins.options.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code etcd-warden check cluster}, also installed as {@code check_etcd_cluster}. It takes its
 * arguments raw and hands them to the plugin ({@link ClusterPlugin}), which parses them itself:
 * the root command maps usage errors to exit 2, which Nagios reads as CRITICAL and pages on;
 * the plugin makes every bad argument one UNKNOWN line on stdout, exit 3.
 */
@Command(name = "cluster", description = "check_etcd_cluster: see 'check cluster -h'.")
final class CheckClusterCommand implements Callable<Integer> {
  @Unmatched List<String> args = new ArrayList<>();
  @Spec CommandLine.Model.CommandSpec spec;
  private final Environment env;

  CheckClusterCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    return ClusterPlugin.run(args, env, spec.commandLine().getOut());
  }
}
