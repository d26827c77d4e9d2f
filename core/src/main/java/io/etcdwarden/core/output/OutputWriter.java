package io.etcdwarden.core.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * Renders a {@link Printable} in the chosen {@link OutputFormat}; pure (returns the text, the
 * CLI prints it). JSON is indented, one document per run, ending in a newline. Fields are
 * etcdctl's {@code "Key" : value} lines ({@link FieldLines}).
 */
public final class OutputWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final OutputFormat format;

  public OutputWriter(OutputFormat format) {
    this.format = format;
  }

  public OutputFormat format() {
    return format;
  }

  /** The text to print for {@code what}. */
  public String render(Printable what) {
    return switch (format) {
      case TABLE -> what.table();
      case JSON -> json(tree(what)) + "\n";
      case FIELDS -> FieldLines.render(tree(what));
    };
  }

  /** The document as a JSON tree, as {@code -w json} prints it. */
  public static JsonNode tree(Printable what) {
    return MAPPER.valueToTree(what.document());
  }

  private static String json(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
