package io.etcdwarden.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link CliContentsTest}'s test for "an adapter" tells adapters from logic. */
class CliContentsRuleTest {

  @Test
  void commandsOptionsAndPicocliPlumbingAreAdapters() {
    assertThat(CliContentsTest.isAdapter(imported(ListCommand.class))).isTrue();
    assertThat(CliContentsTest.isAdapter(imported(StoreOptions.class))).isTrue();
    assertThat(CliContentsTest.isAdapter(imported(Version.class))).isTrue();
  }

  @Test
  void logicIsNotEvenWhenItIsNamedLikeACommand() {
    assertThat(CliContentsTest.isAdapter(imported(RetryPolicy.class))).isFalse();
    assertThat(CliContentsTest.isAdapter(imported(UnannotatedCommand.class))).isFalse();
  }

  private static JavaClass imported(Class<?> type) {
    return new ClassFileImporter().importClass(type);
  }

  @CommandLine.Command(name = "list")
  static final class ListCommand {}

  static final class StoreOptions {}

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"0"};
    }
  }

  static final class RetryPolicy {}

  static final class UnannotatedCommand {}
}
