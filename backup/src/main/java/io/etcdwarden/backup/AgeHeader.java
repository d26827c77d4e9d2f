package io.etcdwarden.backup;

import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text header of an age file, read without a key. An X25519 stanza carries no trace of
 * its recipient, so our archives also carry one stanza of type {@value #LABEL} whose arguments
 * are the recipients' public keys: age (and every age implementation) skips stanza types it
 * does not know, and we can say whom an archive was made for before, or without, opening it.
 */
final class AgeHeader {
  /** Every age file starts with this line. */
  static final String VERSION_LINE = "age-encryption.org/v1\n";
  /** The stanza type naming an archive's recipients. */
  static final String LABEL = "etcd-warden-recipients";
  /** The most header we look at; ours are a few hundred bytes per recipient. */
  static final int MAX_BYTES = 1 << 16;

  private AgeHeader() {}

  /**
   * The recipients named in the header at the start of {@code in} (empty list: an age file
   * without our label), or empty when {@code in} is no age file. Leaves {@code in} where it was.
   */
  static Optional<List<String>> peek(BufferedInputStream in) throws IOException {
    in.mark(MAX_BYTES);
    byte[] head = in.readNBytes(MAX_BYTES);
    in.reset();
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (!text.startsWith(VERSION_LINE)) {
      return Optional.empty();
    }
    List<String> recipients = new ArrayList<>();
    int at = VERSION_LINE.length();
    while (true) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        throw new ArchiveRefused("age header without its closing '---' line in the first "
            + MAX_BYTES + " bytes (cut short, or not an archive)");
      }
      String line = text.substring(at, end);
      if (line.startsWith("--- ")) {
        return Optional.of(recipients);
      }
      if (line.startsWith("-> " + LABEL + " ")) {
        recipients.addAll(List.of(line.substring(LABEL.length() + 4).split(" ")));
      } else if (!line.startsWith("-> ") && !line.matches("[A-Za-z0-9+/]{0,64}")) {
        throw new ArchiveRefused("age header line does not parse: '" + printable(line) + "'");
      }
      at = end + 1;
    }
  }

  /** Writes the label stanza (no body: it wraps no key) beside the X25519 ones. */
  static RecipientStanzaWriter labelWriter(List<String> recipients) {
    RecipientStanza label = new RecipientStanza() {
      @Override
      public String getType() {
        return LABEL;
      }

      @Override
      public List<String> getArguments() {
        return recipients;
      }

      @Override
      public byte[] getBody() {
        return new byte[0];
      }
    };
    return fileKey -> List.of(label);
  }

  private static String printable(String line) {
    String cut = line.length() > 40 ? line.substring(0, 40) + "..." : line;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
