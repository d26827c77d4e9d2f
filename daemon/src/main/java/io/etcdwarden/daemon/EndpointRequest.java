package io.etcdwarden.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One request to the daemon's endpoint, as far as the endpoint reads it: the method, the path
 * and the raw query of the request line, and who sent it (both ends of the connection, so the
 * plugin handler can tell which local user made it). The head is read up to {@link #MAX_HEAD}
 * bytes; the body, which no GET has, is never read.
 */
record EndpointRequest(String method, String path, Optional<String> rawQuery,
    InetSocketAddress remote, InetSocketAddress local) {
  /** The request line and headers together; curl's fast-path queries need a few KiB at most. */
  static final int MAX_HEAD = 16 * 1024;

  /** Thrown for a request we do not take, with the plain reason given back in the 400. */
  static final class Malformed extends Exception {
    Malformed(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Reads the head from {@code in} (whose socket has a read timeout) and parses it. */
  static EndpointRequest read(InputStream in, InetSocketAddress remote, InetSocketAddress local)
      throws IOException, Malformed {
    String line = requestLine(head(in));
    String[] parts = line.split(" ", -1);
    if (parts.length != 3 || !parts[2].matches("HTTP/1\\.[01]")
        || !parts[0].matches("[A-Z]{1,16}")) {
      throw new Malformed("not an HTTP/1.x request line");
    }
    String target = parts[1];
    if (!target.startsWith("/")) {
      throw new Malformed("the request target must be a path");
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Optional<String> query = q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
    return new EndpointRequest(parts[0], path, query, remote, local);
  }

  /** The bytes up to the blank line that ends the headers. */
  private static byte[] head(InputStream in) throws IOException, Malformed {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int newlines = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new Malformed("the connection closed before the request was complete");
      }
      if (head.size() >= MAX_HEAD) {
        throw new Malformed("request head larger than " + MAX_HEAD + " bytes");
      }
      head.write(b);
      if (b == '\n') {
        if (++newlines == 2) {
          return head.toByteArray();
        }
      } else if (b != '\r') {
        newlines = 0;
      }
    }
  }

  private static String requestLine(byte[] head) throws Malformed {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String line = text.substring(0, text.indexOf('\n'));
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (!line.chars().allMatch(c -> c > 0x20 && c < 0x7f || c == ' ')) {
      throw new Malformed("control or non-ASCII characters in the request line");
    }
    return line;
  }
}
