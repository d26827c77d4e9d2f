package io.etcdwarden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code cli} only parses, calls and prints. Each top-level class in it is one of:
 * <ul>
 *   <li>a command: named {@code *Command} and annotated with picocli's {@code @Command};</li>
 *   <li>an options mixin: named {@code *Options} or {@code *Option};</li>
 *   <li>the entry point: declares {@code public static void main} and is {@link #ENTRY_POINT};</li>
 *   <li>picocli plumbing: implements one of picocli's own interfaces (exit-code mapping, usage
 *       errors, version provider);</li>
 *   <li>presentation: lives in {@code io.etcdwarden.cli.presentation}, or is one of the
 *       {@link #PRESENTATION} classes that were there before the rule.</li>
 * </ul>
 * Anything else (a decision, a policy, a client, a build-time tool) belongs in the module that
 * owns the concept.
 */
class CliContentsTest {

  static final String ENTRY_POINT = "io.etcdwarden.cli.EtcdWarden";

  /** Presentation that predates the {@code presentation} package, each with what it shows. */
  static final Map<String, String> PRESENTATION = Map.of(
      "io.etcdwarden.cli.ProgressBar", "draws the snapshot's progress line on stderr",
      "io.etcdwarden.cli.LibraryLogging", "keeps the libraries' log records off the terminal");

  @Test
  void cliHoldsOnlyCommandsOptionsPresentationAndTheEntryPoint() {
    classes().that().resideInAPackage("io.etcdwarden.cli..").and().areTopLevelClasses()
        .should(beAnAdapter())
        .because("cli only parses, calls and prints (issue 14); logic lives in its module")
        .check(ProductionClasses.all());
  }

  private static com.tngtech.archunit.lang.ArchCondition<JavaClass> beAnAdapter() {
    DescribedPredicate<JavaClass> adapter = DescribedPredicate.describe(
        "a command, an options mixin, picocli plumbing, presentation or the entry point",
        CliContentsTest::isAdapter);
    return com.tngtech.archunit.lang.conditions.ArchConditions.be(adapter);
  }

  static boolean isAdapter(JavaClass c) {
    String name = c.getSimpleName();
    boolean command = name.endsWith("Command") && c.isAnnotatedWith(CommandLine.Command.class);
    boolean options = name.endsWith("Options") || name.endsWith("Option");
    boolean entry = c.getName().equals(ENTRY_POINT) && c.getMethods().stream()
        .anyMatch(m -> m.getName().equals("main")
            && m.getModifiers().contains(JavaModifier.STATIC));
    boolean plumbing = c.getAllRawInterfaces().stream()
        .anyMatch(i -> i.getName().startsWith(CommandLine.class.getName() + "$"));
    boolean presentation = c.getPackageName().equals("io.etcdwarden.cli.presentation")
        || PRESENTATION.containsKey(c.getName());
    return command || options || entry || plumbing || presentation;
  }
}
