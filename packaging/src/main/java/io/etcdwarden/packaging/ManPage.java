package io.etcdwarden.packaging;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page of a picocli command tree, as roff for {@code man}: the root's synopsis,
 * description and options, then one section per subcommand, depth first, each with its own
 * synopsis, description, options and parameters. Rendering is pure; {@link PackageDocs} writes
 * the result.
 */
public final class ManPage {
  private final String version;

  /** A renderer that names {@code version} in the page's footer. */
  public ManPage(String version) {
    this.version = version;
  }

  /** The whole page for {@code root} and every command below it. */
  public String render(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    String name = spec.name();
    StringBuilder page = new StringBuilder();
    page.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" \"1\" \"\" \"")
        .append(escape(name + " " + version)).append("\" \"User Commands\"\n");
    page.append(".SH NAME\n").append(escape(name)).append(" \\- ")
        .append(escape(firstSentence(text(spec.usageMessage().description())))).append('\n');
    page.append(".SH SYNOPSIS\n");
    synopsis(page, spec);
    page.append(".SH DESCRIPTION\n");
    paragraphs(page, text(spec.usageMessage().description()));
    page.append(".SH OPTIONS\n");
    arguments(page, spec);
    page.append(".SH COMMANDS\n");
    for (CommandLine sub : commands(root)) {
      CommandSpec subSpec = sub.getCommandSpec();
      page.append(".SS \"").append(escape(subSpec.qualifiedName())).append("\"\n");
      synopsis(page, subSpec);
      page.append(".PP\n");
      paragraphs(page, text(subSpec.usageMessage().description()));
      arguments(page, subSpec);
    }
    page.append(".SH EXIT STATUS\n");
    paragraphs(page, "0 success, 1 the operation failed, 2 usage error. The Nagios plugins "
        + "(check cluster, check backup) exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.");
    return page.toString();
  }

  /** Every command below {@code root}, depth first, without aliases twice. */
  static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    for (CommandLine sub : new java.util.LinkedHashSet<>(root.getSubcommands().values())) {
      if (sub.getCommandSpec().usageMessage().hidden()) {
        continue;
      }
      all.add(sub);
      all.addAll(commands(sub));
    }
    return all;
  }

  private static void synopsis(StringBuilder page, CommandSpec spec) {
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    page.append(".nf\n").append(escape(help.synopsis(0).strip())).append("\n.fi\n");
  }

  private static void arguments(StringBuilder page, CommandSpec spec) {
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String label = String.join(", ", option.names());
      if (option.arity().max() > 0) {
        label += "=" + option.paramLabel();
      }
      page.append(".TP\n\\fB").append(escape(label)).append("\\fR\n");
      lines(page, text(option.description()));
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      if (parameter.hidden()) {
        continue;
      }
      page.append(".TP\n\\fI").append(escape(parameter.paramLabel())).append("\\fR\n");
      lines(page, text(parameter.description()));
    }
  }

  /** Each non-blank line of {@code text} a paragraph of its own ({@code .PP} between them). */
  private static void paragraphs(StringBuilder page, String text) {
    separated(page, text, ".PP\n");
  }

  /** Each non-blank line of {@code text} on a line of its own ({@code .br} between them). */
  private static void lines(StringBuilder page, String text) {
    separated(page, text, ".br\n");
  }

  private static void separated(StringBuilder page, String text, String separator) {
    boolean first = true;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (!first) {
        page.append(separator);
      }
      page.append(escape(line.strip())).append('\n');
      first = false;
    }
  }

  /** picocli's description lines with its format escapes resolved ({@code %n}, {@code %%}). */
  static String text(String[] description) {
    return String.join("\n", description).replace("%n", "\n").replace("%%", "%");
  }

  private static String firstSentence(String text) {
    String line = text.split("\n", 2)[0].strip();
    int stop = line.indexOf(". ");
    return stop < 0 ? line : line.substring(0, stop + 1);
  }

  /** Text safe in roff: backslashes, minus signs, and control characters at a line's start. */
  static String escape(String text) {
    String escaped = text.replace("\\", "\\e").replace("-", "\\-");
    StringBuilder out = new StringBuilder();
    for (String line : escaped.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (line.startsWith(".") || line.startsWith("'")) {
        out.append("\\&");
      }
      out.append(line);
    }
    return out.toString();
  }
}
