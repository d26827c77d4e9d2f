package io.etcdwarden.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The roff ManPage renders from a picocli tree: sections, every subcommand, safe text. */
class ManPageTest {
  @Command(name = "tool", description = "Does things. More about them.",
      subcommands = {Sub.class, CommandLine.HelpCommand.class})
  static final class Root {
    @Option(names = "--endpoints", paramLabel = "URLS", description = "Where etcd is.%nOne more.")
    String endpoints;
  }

  @Command(name = "sub", description = "A sub-command.", subcommands = Leaf.class)
  static final class Sub {}

  @Command(name = "leaf", description = ".starts with a dot, has a \\ backslash")
  static final class Leaf {
    @Parameters(paramLabel = "FILE", description = "The file.")
    String file;

    @Option(names = "--hidden", hidden = true)
    boolean hidden;
  }

  private final String page = new ManPage("1.2.3").render(new CommandLine(new Root()));

  @Test
  void pageHasTheSectionsManExpects() {
    assertThat(page).startsWith(".TH \"TOOL\" \"1\"")
        .contains(".SH NAME\ntool \\- Does things.\n", ".SH SYNOPSIS", ".SH OPTIONS",
            ".SH COMMANDS", "tool 1.2.3");
  }

  @Test
  void everySubcommandHasItsSectionWithItsArguments() {
    assertThat(page).contains(".SS \"tool sub\"", ".SS \"tool sub leaf\"", "\\fIFILE\\fR",
        "\\fB\\-\\-endpoints=URLS\\fR\nWhere etcd is.\n.br\nOne more.\n");
    assertThat(page).doesNotContain("hidden");
  }

  @Test
  void textCannotBecomeARoffRequest() {
    assertThat(page).contains("\\&.starts with a dot, has a \\e backslash")
        .doesNotContain("\n.starts");
  }
}
