package io.etcdwarden.core.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.BoundedFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code warden.yaml} once into a {@link WardenConfig}. YAML is parsed into a tree and
 * checked by hand, so every failure is one {@link WardenException#badInput} line that names the
 * file, the dotted key or the line, and what is allowed. The CLI calls {@link #load(Optional)}:
 * an explicit {@code --config FILE} must exist, while the default file may be absent.
 */
public final class WardenConfigLoader {
  private WardenConfigLoader() {}

  /**
   * The configuration for a {@code --config} flag: the named file, which must exist, or else
   * {@link WardenConfig#DEFAULT_FILE} if present, or else the defaults. The name to use for the
   * file in messages is {@code configFlag.orElse(WardenConfig.DEFAULT_FILE).toString()}.
   */
  public static WardenConfig load(Optional<Path> configFlag) {
    return configFlag.map(WardenConfigLoader::load)
        .orElseGet(() -> loadIfPresent(WardenConfig.DEFAULT_FILE));
  }

  /** Reads a file the operator named; its absence is an error. */
  public static WardenConfig load(Path file) {
    if (!Files.exists(file)) {
      throw WardenException.badInput(
          "config file " + file + " not found (pass --config FILE or create it)");
    }
    return parse(read(file), file.toString());
  }

  /** Reads the default file if it exists; an absent default file means the defaults. */
  public static WardenConfig loadIfPresent(Path defaultFile) {
    return Files.exists(defaultFile) ? load(defaultFile) : WardenConfig.defaults();
  }

  /** Parses YAML text; {@code sourceName} starts every error message (usually the path). */
  public static WardenConfig parse(String yaml, String sourceName) {
    JsonNode root = readTree(yaml, sourceName);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return WardenConfig.defaults();
    }
    if (!root.isObject()) {
      throw WardenException.badInput(sourceName + ": expected sections like 'etcd:' and 'nagios:'"
          + " at the top level, got " + root.getNodeType().toString().toLowerCase());
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!WardenConfig.SECTIONS.contains(name)) {
        throw WardenException.badInput(sourceName + ": unknown section '" + name
            + "' (known sections: " + String.join(", ", WardenConfig.SECTIONS) + ")");
      }
    }
    return new WardenConfig(
        EtcdSectionReader.read(section(root, WardenConfig.EtcdSection.NAME, sourceName)),
        NagiosSectionReader.read(section(root, WardenConfig.NagiosSection.NAME, sourceName)),
        BackupSectionReader.read(section(root, BackupSection.NAME, sourceName)),
        DaemonSectionReader.read(section(root, DaemonSection.NAME, sourceName), sourceName),
        MaintenanceSectionReader.read(section(root, MaintenanceSection.NAME, sourceName)));
  }

  private static ConfigSection section(JsonNode root, String name, String sourceName) {
    return new ConfigSection(sourceName, name, root.get(name));
  }

  private static String read(Path file) {
    if (Files.isDirectory(file)) {
      throw WardenException.badInput("config file " + file + " is a directory, not a file");
    }
    try {
      return BoundedFile.utf8(file, BoundedFile.SMALL_FILE_BYTES, "config file");
    } catch (AccessDeniedException e) {
      throw WardenException.badInput("config file " + file
          + " is not readable (permission denied; run as a user that can read it)", e);
    } catch (CharacterCodingException e) {
      throw WardenException.badInput("config file " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw WardenException.badInput("config file " + file + " could not be read: " + e, e);
    }
  }

  private static JsonNode readTree(String yaml, String sourceName) {
    YAMLMapper mapper = new YAMLMapper();
    // Without this the last of two equal keys silently wins.
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try {
      return mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw WardenException.badInput(describe(e, sourceName), e);
    }
  }

  private static String describe(JsonProcessingException e, String sourceName) {
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    String original = String.valueOf(e.getOriginalMessage());
    if (original.startsWith("Duplicate field") && e instanceof JsonParseException parse
        && parse.getProcessor() != null) {
      String key = dottedPath(parse.getProcessor().getParsingContext());
      return sourceName + ": duplicate key '" + key + "'" + where;
    }
    String problem = e.getCause() instanceof MarkedYAMLException yaml
        ? yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")")
        : original;
    return sourceName + ": not valid YAML" + where + ": " + oneLine(problem);
  }

  /** "etcd.port" for the key the parser is on, from its chain of parsing contexts. */
  private static String dottedPath(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null; c = c.getParent()) {
      if (c.getCurrentName() != null) {
        path.insert(0, path.length() == 0 ? c.getCurrentName() : c.getCurrentName() + ".");
      }
    }
    return path.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
