package io.etcdwarden.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the endpoint sends back for one request: a status code, a content type, extra headers
 * and the whole body. Every error answer is plain text, one line saying why.
 */
record EndpointAnswer(int code, String contentType, Map<String, String> headers, byte[] body) {
  static final String TEXT = "text/plain; charset=utf-8";

  EndpointAnswer {
    headers = Map.copyOf(headers);
  }

  static EndpointAnswer text(int code, String line) {
    return new EndpointAnswer(code, TEXT, Map.of(), (line + "\n").getBytes(
        StandardCharsets.UTF_8));
  }

  static EndpointAnswer ok(String contentType, byte[] body) {
    return new EndpointAnswer(200, contentType, Map.of(), body);
  }

  /** The reason phrase of the status line. */
  String reason() {
    return switch (code) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }
}
