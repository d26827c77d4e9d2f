package io.etcdwarden.cli;

import io.etcdwarden.core.client.ShortLivedProcess;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

/**
 * Run in a JVM of its own by {@link SharedGrpcLoopIT}: {@code health} through jetcd, then (with
 * {@code stop}) {@link ShortLivedProcess#stopGrpcLoopBeforeExit}, then prints which of grpc's
 * event-loop threads are still alive, as the JVM's exit would find them.
 */
public final class SharedGrpcLoopProbe {
  private SharedGrpcLoopProbe() {}

  public static void main(String[] args) throws InterruptedException {
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int code = EtcdWarden.run(new String[] {"health"}, System.getenv(), sink, sink);
    System.out.println("health exit " + code);
    List<Thread> loops = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("grpc-nio-worker")
            || t.getName().startsWith("grpc-default-worker"))
        .toList();
    System.out.println("loop threads " + loops.size());
    if (args.length > 0 && args[0].equals("stop")) {
      ShortLivedProcess.stopGrpcLoopBeforeExit(Duration.ofSeconds(5));
    }
    for (Thread loop : loops) {
      // A stopped loop's thread ends right after its termination; grpc itself keeps an idle
      // loop for a second after the last channel closed.
      loop.join(200);
      if (loop.isAlive()) {
        System.out.println("alive " + loop.getName());
      }
    }
    System.exit(0);
  }
}
