package io.etcdwarden.nrpe;

import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a check's NRPE command file into the NRPE include dir and its Nagios service export
 * into the export dir, both given to the constructor, each atomically (temp file + rename).
 * Re-running rewrites both, so a changed context or servicegroups takes effect, and removes the
 * check's exports for other host names, which would otherwise define the service twice.
 */
public final class NrpeConfigWriter {
  private final Path nrpeDir;
  private final Path exportDir;
  private final AtomicFileWriter files = new AtomicFileWriter();

  public NrpeConfigWriter(Path nrpeDir, Path exportDir) {
    this.nrpeDir = nrpeDir;
    this.exportDir = exportDir;
  }

  /** Writes both files; returns their paths, command file first. */
  public List<Path> write(NrpeCheck check, NagiosContext context) {
    Path command = nrpeDir.resolve(NrpeConfigRenderer.commandFileName(check));
    files.write(command, bytes(NrpeConfigRenderer.commandFile(check, context)),
        AtomicFileWriter.WORLD_READABLE);
    Path service = exportDir.resolve(NrpeConfigRenderer.serviceFileName(check, context));
    removeOtherExports(check, service);
    files.write(service, bytes(NrpeConfigRenderer.serviceFile(check, context)),
        AtomicFileWriter.WORLD_READABLE);
    return List.of(command, service);
  }

  private void removeOtherExports(NrpeCheck check, Path keep) {
    if (!Files.isDirectory(exportDir)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> exports =
        Files.newDirectoryStream(exportDir, "service__*_" + check.command() + ".cfg")) {
      exports.forEach(p -> {
        if (!p.getFileName().equals(keep.getFileName())) {
          stale.add(p);
        }
      });
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new WardenException("cannot clean old Nagios exports in " + exportDir + ": "
          + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
