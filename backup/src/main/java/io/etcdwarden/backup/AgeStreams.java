package io.etcdwarden.backup;

import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * age encryption as streams, in age's 64 KiB chunks, so memory stays constant and nothing is
 * ever in the clear outside the process. Encryption sits between the compressor and the store;
 * decryption between the store and the decompressor. Every chunk is authenticated: a flipped
 * byte, a cut file or a missing last chunk fails the read with one line.
 */
final class AgeStreams {
  private AgeStreams() {}

  /** Encrypts what is written to the result into {@code out}; closing it closes {@code out}. */
  static OutputStream encrypt(OutputStream out, AgeRecipients recipients) throws IOException {
    try {
      return Channels.newOutputStream(new StandardEncryptingChannelFactory()
          .newEncryptingChannel(Channels.newChannel(out), recipients.writers()));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot start age encryption: " + e.getMessage(), e);
    }
  }

  /** The clear bytes of the age file {@code in}, whose header names {@code recipients}. */
  static InputStream decrypt(InputStream in, List<String> recipients,
      Optional<AgeIdentity> identity) throws IOException {
    if (identity.isEmpty()) {
      throw new ArchiveLocked(recipients, Optional.empty());
    }
    try {
      return new Authenticated(Channels.newInputStream(new StandardDecryptingChannelFactory()
          .newDecryptingChannel(Channels.newChannel(in), identity.get().readers())));
    } catch (GeneralSecurityException e) {
      // The header's syntax was checked (AgeHeader): what fails here is the key.
      throw new ArchiveLocked(recipients, Optional.of(identity.get().file()));
    }
  }

  /** Says in one line that the ciphertext failed, whatever the library's words. */
  private static final class Authenticated extends FilterInputStream {
    Authenticated(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw new IOException("age ciphertext does not authenticate (corrupt or cut short): "
            + firstLine(e.getMessage()), e);
      }
    }
  }

  private static String firstLine(String text) {
    String s = String.valueOf(text).strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
