package io.etcdwarden.core.client;

import io.grpc.internal.SharedResourceHolder;
import io.netty.channel.EventLoopGroup;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops grpc-java's shared Netty event loop, the one jetcd's channels run on, when a command is
 * about to exit. grpc keeps that loop a second after its last channel closes, its threads wait
 * in native {@code epoll_wait}, and HotSpot's exit waits up to 300 ms for threads in native code
 * (also on a plain return from main): every command that used jetcd, the cold Nagios check
 * among them, paid that at exit. The loop is reachable only through grpc's internal holder, so
 * this is best effort and does nothing if grpc's internals differ. Only for process exit: the
 * holder keeps handing out the stopped loop for a while, so a jetcd client made afterwards in the
 * same JVM would not work. Reached through {@link ShortLivedProcess}, with the other start-up and
 * exit shortcuts.
 */
final class SharedGrpcLoop {
  /** The loop grpc's NettyChannelBuilder (and so jetcd) uses unless told otherwise. */
  private static final String RESOURCE = "DEFAULT_WORKER_EVENT_LOOP_GROUP";
  private static final Logger LOG = LoggerFactory.getLogger(SharedGrpcLoop.class);

  private static volatile boolean used;

  private SharedGrpcLoop() {}

  /** Called when a jetcd client is built: only then is there a loop to stop. */
  static void markUsed() {
    used = true;
  }

  /**
   * Stops the shared loop, if a jetcd client was built in this JVM, and waits up to {@code wait}
   * for its threads to end.
   */
  static void stopForExit(Duration wait) {
    if (!used) {
      return; // asking grpc's holder would make a loop just to stop it
    }
    try {
      Field field = Class.forName("io.grpc.netty.Utils").getDeclaredField(RESOURCE);
      field.setAccessible(true);
      @SuppressWarnings("unchecked")
      SharedResourceHolder.Resource<EventLoopGroup> resource =
          (SharedResourceHolder.Resource<EventLoopGroup>) field.get(null);
      SharedResourceHolder.get(resource).shutdownGracefully(0, 0, TimeUnit.MILLISECONDS)
          .awaitUninterruptibly(wait.toMillis());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // grpc's internals changed: the command exits as before, 300 ms later.
      LOG.debug("cannot stop grpc's shared event loop before exit", e);
    }
  }
}
