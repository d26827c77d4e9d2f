package io.etcdwarden.core.output;

/**
 * What a command found, printable in every {@link OutputFormat}: {@link #table()} is the text
 * for people, {@link #document()} a value Jackson serialises (a record, a map, a list or a
 * {@code JsonNode}) whose shape is the command's documented JSON. The fields format is derived
 * from the document, so a command describes its data once.
 */
public interface Printable {
  /** The human text, ending in a newline. */
  String table();

  /** The machine value; keys in snake_case, IDs as hex strings, sizes in bytes. */
  Object document();

  /** A printable from a table already rendered and its document. */
  static Printable of(String table, Object document) {
    return new Printable() {
      @Override
      public String table() {
        return table;
      }

      @Override
      public Object document() {
        return document;
      }
    };
  }
}
