package io.etcdwarden.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputWriterTest {
  private static Printable members() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("id", "8e9e05c52164694d");
    one.put("name", "etcd0");
    one.put("learner", false);
    one.put("peer_urls", List.of("https://127.0.0.1:2380"));
    one.put("db_size_bytes", 20480L);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("revision", 7L);
    root.put("members", List.of(one, Map.of("name", "etcd1")));
    return Printable.of("TABLE\n", root);
  }

  @Test
  void tableIsTheTextAsGiven() {
    assertThat(new OutputWriter(OutputFormat.TABLE).render(members())).isEqualTo("TABLE\n");
  }

  @Test
  void jsonIsOneDocumentJacksonReadsBack() throws Exception {
    String text = new OutputWriter(OutputFormat.JSON).render(members());
    JsonNode back = new ObjectMapper().readTree(text);
    assertThat(back.get("revision").asLong()).isEqualTo(7);
    assertThat(back.get("members").get(0).get("db_size_bytes").asLong()).isEqualTo(20480);
    assertThat(text).endsWith("}\n");
  }

  @Test
  void fieldsAreEtcdctlsQuotedKeyLinesWithABlankLineAfterEachListedObject() {
    assertThat(new OutputWriter(OutputFormat.FIELDS).render(members())).isEqualTo("""
        "Revision" : 7
        "ID" : "8e9e05c52164694d"
        "Name" : "etcd0"
        "Learner" : false
        "PeerUrls" : "https://127.0.0.1:2380"
        "DbSizeBytes" : 20480

        "Name" : "etcd1"

        """);
  }

  @Test
  void formatsAreNamedAsEtcdctlNamesThem() {
    assertThat(OutputFormat.named("JSON")).contains(OutputFormat.JSON);
    assertThat(OutputFormat.named("simple")).isEmpty();
    assertThat(OutputFormat.choices()).isEqualTo("table, json or fields");
  }
}
