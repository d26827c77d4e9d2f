package io.etcdwarden.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The exceptions whose getMessage() said "null" or only a path, described by the real JDK. */
class FailureTextTest {
  @Test
  void aTruncatedGzipStreamSaysItEndsTooEarly() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(new byte[100_000]);
    }
    for (int keep : new int[] {5, 20, bytes.size() - 4}) {
      byte[] cut = Arrays.copyOf(bytes.toByteArray(), keep);
      IOException failure = readAll(cut);

      assertThat(FailureText.of(failure)).as("cut at %d: %s", keep, failure)
          .isEqualTo("the data ends too early (truncated or still being written)");
    }
  }

  @Test
  void aMissingUserIsNamed() {
    UserPrincipalNotFoundException failure = null;
    try {
      FileSystems.getDefault().getUserPrincipalLookupService()
          .lookupPrincipalByGroupName("no-such-group-here");
    } catch (UserPrincipalNotFoundException e) {
      failure = e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    assertThat(failure.getMessage()).isNull();
    assertThat(FailureText.of(failure))
        .isEqualTo("no user or group named 'no-such-group-here' on this host");
  }

  @Test
  void fileSystemFailuresNameTheFileAndWhatIsWrongWithIt() throws Exception {
    Path missing = Path.of("/nonexistent-dir/file");
    NoSuchFileException noFile = null;
    try {
      Files.readAllBytes(missing);
    } catch (NoSuchFileException e) {
      noFile = e;
    }

    assertThat(noFile.getMessage()).isEqualTo(missing.toString());
    assertThat(FailureText.of(noFile)).isEqualTo(missing + ": no such file or directory");
    assertThat(FailureText.of(new AccessDeniedException("/etc/x")))
        .isEqualTo("/etc/x: permission denied");
    assertThat(FailureText.of(new UncheckedIOException(new AccessDeniedException("/etc/x"))))
        .isEqualTo("/etc/x: permission denied");
  }

  @Test
  void aWrapperWithoutAMessageGivesWayToItsCauseAndABareTypeIsSpelledOut() {
    assertThat(FailureText.of(new IOException(new IllegalStateException("disk on fire"))))
        .isEqualTo("java.lang.IllegalStateException: disk on fire");
    assertThat(FailureText.of(new RuntimeException((String) null, new EOFException())))
        .isEqualTo("the data ends too early (truncated or still being written)");
    assertThat(FailureText.of(new ClosedChannelException()))
        .isEqualTo("closed channel (ClosedChannelException)");
    assertThat(FailureText.of(new IOException("first line\nsecond line"))).isEqualTo("first line");
    Exception loop = new Exception();
    Exception other = new Exception((String) null, loop);
    loop.initCause(other);
    assertThat(FailureText.of(loop)).isEqualTo("Exception");
  }

  private static IOException readAll(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("a cut gzip stream was read whole");
  }
}
