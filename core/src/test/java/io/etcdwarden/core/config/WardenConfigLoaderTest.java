package io.etcdwarden.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.config.WardenConfig.EtcdSection;
import io.etcdwarden.core.config.WardenConfig.NagiosSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WardenConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void readsTheDocumentedExample() {
    WardenConfig config = WardenConfigLoader.parse("""
        etcd:
          endpoints: [https://10.0.0.1:2379, https://10.0.0.2:2379]
          cacert: /etc/etcd-warden/ca.crt
          cert: /etc/etcd-warden/client.crt
          key: /etc/etcd-warden/client.key
          timeout: 5s
          port: 2379
          management_port: 2380
        nagios:
          nagios_context: juju
          nagios_servicegroups: ""
        """, "warden.yaml");

    EtcdSection etcd = config.etcd();
    assertThat(etcd.endpoints()).containsExactly("https://10.0.0.1:2379", "https://10.0.0.2:2379");
    assertThat(etcd.cacert()).contains(Path.of("/etc/etcd-warden/ca.crt"));
    assertThat(etcd.cert()).contains(Path.of("/etc/etcd-warden/client.crt"));
    assertThat(etcd.key()).contains(Path.of("/etc/etcd-warden/client.key"));
    assertThat(etcd.timeout()).contains(Duration.ofSeconds(5));
    assertThat(etcd.port()).isEqualTo(2379);
    assertThat(etcd.managementPort()).isEqualTo(2380);
    assertThat(config.nagios()).isEqualTo(NagiosSection.defaults());
  }

  @Test
  void emptyFilesAndMissingKeysMeanDefaults() {
    assertThat(WardenConfigLoader.parse("", "warden.yaml")).isEqualTo(WardenConfig.defaults());
    assertThat(WardenConfigLoader.parse("# nothing yet\n", "warden.yaml"))
        .isEqualTo(WardenConfig.defaults());
    WardenConfig config = WardenConfigLoader.parse("etcd:\n  cacert:\nnagios: {}\n", "w");
    assertThat(config).isEqualTo(WardenConfig.defaults());
    assertThat(config.etcd().timeoutOrDefault()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.etcd().port()).isEqualTo(2379);
    assertThat(config.etcd().managementPort()).isEqualTo(2380);
    assertThat(config.nagios().nagiosContext()).isEqualTo("juju");
    assertThat(config.nagios().effectiveServicegroups()).isEqualTo("juju");
  }

  @Test
  void endpointsMayBeOneCommaSeparatedString() {
    WardenConfig config = WardenConfigLoader.parse(
        "etcd:\n  endpoints: 'https://a:2379, https://b:2379,'\n  port: '12379'\n", "w");
    assertThat(config.etcd().endpoints()).containsExactly("https://a:2379", "https://b:2379");
    assertThat(config.etcd().port()).isEqualTo(12379);
  }

  @Test
  void servicegroupsDefaultToTheContext() {
    WardenConfig config = WardenConfigLoader.parse(
        "nagios:\n  nagios_context: prod\n", "w");
    assertThat(config.nagios().effectiveServicegroups()).isEqualTo("prod");
    config = WardenConfigLoader.parse(
        "nagios:\n  nagios_context: prod\n  nagios_servicegroups: etcd,db\n", "w");
    assertThat(config.nagios().effectiveServicegroups()).isEqualTo("etcd,db");
  }

  @Test
  void namesAnUnknownKeyAndListsTheKnownOnes() {
    assertBadInput("etcd:\n  endpiont: https://10.0.0.1:2379\n",
        "warden.yaml: unknown key 'etcd.endpiont' (known keys: endpoints, cacert, cert, key,"
            + " timeout, port, management_port, user, password_file)");
  }

  @Test
  void namesAnUnknownSection() {
    assertBadInput("etdc:\n  port: 1\n",
        "warden.yaml: unknown section 'etdc' (known sections: etcd, nagios, backup, daemon,"
            + " maintenance)");
  }

  @Test
  void namesBadValuesWithTheirDottedKey() {
    assertBadInput("etcd:\n  port: abc\n",
        "warden.yaml: etcd.port must be an integer 1-65535, got 'abc'");
    assertBadInput("etcd:\n  management_port: 70000\n",
        "warden.yaml: etcd.management_port must be an integer 1-65535, got '70000'");
    assertBadInput("etcd:\n  port: 0\n",
        "warden.yaml: etcd.port must be an integer 1-65535, got '0'");
    assertBadInput("etcd:\n  timeout: soon\n",
        "warden.yaml: etcd.timeout must be a duration like 500ms, 5s or 2m, got 'soon'");
    assertBadInput("etcd:\n  cacert: [a, b]\n",
        "warden.yaml: etcd.cacert must be a string, got [\"a\",\"b\"]");
    assertBadInput("etcd:\n  endpoints: {a: b}\n",
        "warden.yaml: etcd.endpoints must be a list of strings or a comma-separated string,"
            + " got {\"a\":\"b\"}");
    assertBadInput("nagios:\n  nagios_context: my site\n",
        "warden.yaml: nagios.nagios_context must be a non-empty name without spaces,"
            + " got 'my site'");
  }

  @Test
  void namesASectionThatIsNotAMapping() {
    assertBadInput("etcd: 5\n", "warden.yaml: etcd must be a mapping (indented 'key: value'"
        + " lines under 'etcd:'), got '5'");
    assertBadInput("- etcd\n", "warden.yaml: expected sections like 'etcd:' and 'nagios:' at the"
        + " top level, got array");
  }

  @Test
  void malformedYamlIsOneLineWithTheLineNumber() {
    WardenException e = parseFailure("etcd:\n  port: [1\n");
    assertThat(e.getMessage()).startsWith("warden.yaml: not valid YAML at line ")
        .doesNotContain("\n")
        .contains("expected ',' or ']'");
    e = parseFailure("etcd:\n  port: 1\n bad: x: y\n");
    assertThat(e.getMessage()).startsWith("warden.yaml: not valid YAML at line 3,")
        .doesNotContain("\n");
    e = parseFailure("\tetcd: 1\n");
    assertThat(e.getMessage()).startsWith("warden.yaml: not valid YAML at line 1,")
        .doesNotContain("\n");
  }

  @Test
  void aDuplicateKeyIsAnErrorNotASilentOverride() {
    assertThat(parseFailure("etcd:\n  port: 1\n  port: 2\n").getMessage())
        .isEqualTo("warden.yaml: duplicate key 'etcd.port' at line 3, column 7");
  }

  @Test
  void loadsAFileAndNamesItInMessages() throws Exception {
    Path file = Files.writeString(dir.resolve("warden.yaml"), "etcd:\n  port: x\n");
    assertThatThrownBy(() -> WardenConfigLoader.load(file))
        .hasMessage(file + ": etcd.port must be an integer 1-65535, got 'x'");
    Files.writeString(file, "etcd:\n  timeout: 2m\n");
    assertThat(WardenConfigLoader.load(file).etcd().timeout()).contains(Duration.ofMinutes(2));
    assertThat(WardenConfigLoader.load(Optional.of(file)).etcd().timeout())
        .contains(Duration.ofMinutes(2));
  }

  @Test
  void anExplicitFileMustExistButTheDefaultMayNot() {
    Path missing = dir.resolve("warden.yaml");
    assertThatThrownBy(() -> WardenConfigLoader.load(missing))
        .isInstanceOf(WardenException.class)
        .hasMessage("config file " + missing + " not found (pass --config FILE or create it)");
    assertThatThrownBy(() -> WardenConfigLoader.load(Optional.of(missing)))
        .hasMessageContaining("not found");
    assertThat(WardenConfigLoader.loadIfPresent(missing)).isEqualTo(WardenConfig.defaults());
  }

  @Test
  void aDirectoryIsNotAConfigFile() {
    assertThatThrownBy(() -> WardenConfigLoader.load(dir))
        .hasMessage("config file " + dir + " is a directory, not a file");
  }

  @Test
  void sectionsKnowTheirKeys() {
    assertThat(WardenConfig.SECTIONS).containsExactly("etcd", "nagios", "backup", "daemon",
        "maintenance");
    assertThat(NagiosSection.KEYS).containsExactly("nagios_context", "nagios_servicegroups");
    assertThat(EtcdSection.defaults().endpoints()).isEqualTo(List.of());
    assertThat(WardenConfig.DEFAULT_FILE).isEqualTo(Path.of("/etc/etcd-warden/warden.yaml"));
  }

  private static void assertBadInput(String yaml, String message) {
    WardenException e = parseFailure(yaml);
    assertThat(e.getMessage()).isEqualTo(message);
  }

  private static WardenException parseFailure(String yaml) {
    try {
      WardenConfigLoader.parse(yaml, "warden.yaml");
    } catch (WardenException e) {
      assertThat(e.kind()).isEqualTo(WardenException.Kind.BAD_INPUT);
      return e;
    }
    throw new AssertionError("expected a failure for:\n" + yaml);
  }
}
