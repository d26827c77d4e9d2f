package io.etcdwarden.installer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code quota-backend-bytes} a member runs with, read from its {@code --config-file} (the
 * {@code etcd.yaml} that {@code install} renders), so that maintenance measures sizes against
 * the member's real quota rather than a number the operator has to repeat. An absent key or
 * {@code 0} is etcd's own default, {@link #ETCD_DEFAULT_BYTES}. A file that cannot be read or a
 * value that is not a whole number is one line naming the file and the key.
 */
public final class MemberQuota {
  public static final String KEY = "quota-backend-bytes";
  /** What etcd applies when the key is absent or 0: 2 GiB. */
  public static final long ETCD_DEFAULT_BYTES = 2L * 1024 * 1024 * 1024;

  private MemberQuota() {}

  /** The quota the member configured in {@code configFile} runs with. */
  public static long read(Path configFile) {
    String text;
    try {
      text = BoundedFile.utf8(configFile, BoundedFile.SMALL_FILE_BYTES, "etcd config file");
    } catch (IOException e) {
      throw WardenException.badInput("cannot read the etcd config " + configFile + ": "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    }
    return of(text, configFile.toString());
  }

  /** As {@link #read}, from the file's text; {@code source} names it in messages. */
  static long of(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw WardenException.badInput(source + " is not valid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }
    JsonNode value = root == null ? null : root.get(KEY);
    if (value == null || value.isNull()) {
      return ETCD_DEFAULT_BYTES;
    }
    String number = value.asText().strip();
    if (!value.isValueNode() || !number.matches("\\d{1,19}")) {
      throw WardenException.badInput(source + ": " + KEY + " must be a whole number of bytes,"
          + " got '" + number + "'");
    }
    long bytes = Long.parseLong(number);
    return bytes == 0 ? ETCD_DEFAULT_BYTES : bytes;
  }
}
