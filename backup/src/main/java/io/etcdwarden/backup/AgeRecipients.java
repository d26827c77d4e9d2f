package io.etcdwarden.backup;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import io.etcdwarden.core.WardenException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The age X25519 public keys ({@code age1...}) an archive is encrypted to, from
 * {@code backup.encrypt_to} or {@code --recipient}. Only public keys: a host that takes backups
 * can never read them back. Each is checked once, here, so that a typo is refused before a
 * snapshot starts rather than after the database has streamed.
 */
public record AgeRecipients(List<String> keys) {
  public AgeRecipients {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("an encrypted archive needs at least one recipient");
    }
  }

  /** Checks every key, naming {@code field} (a config key or flag) for one that is no age key. */
  public static AgeRecipients parse(List<String> keys, String field) {
    if (keys.isEmpty()) {
      throw WardenException.badInput(field + " names no recipient (age1...)");
    }
    List<String> stripped = keys.stream().map(String::strip).toList();
    for (String key : stripped) {
      writer(key, field);
    }
    return new AgeRecipients(stripped);
  }

  /** One X25519 stanza writer per recipient, then the label that names them all. */
  List<RecipientStanzaWriter> writers() {
    List<RecipientStanzaWriter> writers = new ArrayList<>();
    for (String key : keys) {
      writers.add(writer(key, "recipient"));
    }
    writers.add(AgeHeader.labelWriter(keys));
    return writers;
  }

  private static RecipientStanzaWriter writer(String key, String field) {
    try {
      return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(key);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw WardenException.badInput(field + ": '" + key + "' is not an age X25519 recipient"
          + " (age1... as age-keygen or 'etcd-warden keys generate' print it)");
    }
  }
}
