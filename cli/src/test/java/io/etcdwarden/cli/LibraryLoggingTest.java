package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gRPC's java.util.logging records are dropped, unless ETCD_WARDEN_DEBUG asks for them. */
class LibraryLoggingTest {
  private final Logger grpc = Logger.getLogger("io.grpc.internal.ManagedChannelImpl");

  @AfterEach
  void restoreDefaults() throws Exception {
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void severeRecordsGoNowhereByDefault() throws Exception {
    LogManager.getLogManager().readConfiguration();
    assertThat(grpc.isLoggable(Level.SEVERE)).isTrue();

    LibraryLogging.configure(Map.of());

    assertThat(grpc.isLoggable(Level.SEVERE)).isFalse();
    assertThat(Logger.getLogger("").getHandlers()).isEmpty();
  }

  @Test
  void debugKeepsThemOnStderr() throws Exception {
    LogManager.getLogManager().readConfiguration();

    LibraryLogging.configure(Map.of("ETCD_WARDEN_DEBUG", "1"));

    assertThat(grpc.isLoggable(Level.SEVERE)).isTrue();
    assertThat(Logger.getLogger("").getHandlers()).isNotEmpty();
  }
}
