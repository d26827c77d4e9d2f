package io.etcdwarden.core.client;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up and exit shortcuts a JVM that runs one command takes, fenced in one place: work
 * that would otherwise fall on the command's critical path is started early on a thread of its
 * own ({@link #prepareInBackground}), and grpc's shared event loop is stopped before the JVM
 * exits ({@link #stopGrpcLoopBeforeExit}, see {@link SharedGrpcLoop}). Both trade generality for
 * wall time and rely on library internals at their edges: never for the daemon or any JVM that
 * keeps making etcd clients afterwards.
 */
public final class ShortLivedProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ShortLivedProcess.class);

  private ShortLivedProcess() {}

  /**
   * Starts one-time set-up on a daemon thread while the command reads its configuration: the
   * TLS library a {@link MemberStreamChannel} uses, then each of {@code more} in order (a
   * snapshot passes its manifest's JSON writer, which would otherwise be set up after the last
   * byte). Class initialisation happens once; whoever gets there second waits for it, nothing
   * runs twice. A failure here is only logged: the command meets it where it matters.
   */
  public static void prepareInBackground(Runnable... more) {
    Thread thread = new Thread(() -> {
      try {
        StreamTls.load();
        for (Runnable step : more) {
          step.run();
        }
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("set-up ahead of time failed", e);
      }
    }, "snapshot-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Stops grpc's shared event loop, if a jetcd client was built in this JVM, and waits up to
   * {@code wait} for its threads to end. Only right before the process exits.
   */
  public static void stopGrpcLoopBeforeExit(Duration wait) {
    SharedGrpcLoop.stopForExit(wait);
  }
}
