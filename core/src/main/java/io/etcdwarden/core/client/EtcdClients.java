package io.etcdwarden.core.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.endpoint.EtcdTarget;
import io.etcdwarden.core.tls.TlsMaterial;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the jetcd clients for one {@link EtcdTarget}: {@link #cluster()} over all endpoints, and
 * {@link #member(URI)} for exactly one endpoint, so health and check code can ask each member
 * separately and in parallel. The TLS files are loaded and checked once, in the constructor.
 * Every client fails fast instead of waiting for a connection that may never come: calls do not
 * wait for readiness, connecting and each unary call are bounded by the target's timeout, and
 * retries are few and bounded too ({@link ClientSettings}). {@link #explain} turns whatever a
 * jetcd call failed with into one line for the operator. Closing closes every client made.
 */
public final class EtcdClients implements AutoCloseable {
  private final EtcdTarget target;
  private final Object lock = new Object();
  private TlsMaterial tls; // guarded by lock; loaded up front when the target needs it
  private Client cluster; // guarded by lock
  private final Map<URI, Client> members = new LinkedHashMap<>(); // guarded by lock
  private boolean closed; // guarded by lock

  /** Loads and checks the target's TLS files; throws {@link WardenException} on a bad one. */
  public EtcdClients(EtcdTarget target) {
    this.target = target;
    boolean anyTlsFile = target.caFile().isPresent() || target.certFile().isPresent();
    // Files are checked even for http endpoints: a broken file is a mistake either way.
    TlsMaterial loaded = target.usesTls() || anyTlsFile ? TlsMaterial.load(target) : null;
    synchronized (lock) {
      this.tls = loaded;
    }
  }

  public EtcdTarget target() {
    return target;
  }

  /** One client over all the target's endpoints, made on first use and then reused. */
  public Client cluster() {
    synchronized (lock) {
      requireOpen();
      if (cluster == null) {
        cluster = build(target.endpoints(), ClientSettings.CLUSTER_RETRIES);
      }
      return cluster;
    }
  }

  /**
   * A client that talks to {@code endpoint} only (which need not be one of the target's, for
   * example a member's client URL from the member list), made on first use and then reused. It
   * does not retry: a member check reports what that member answers now.
   */
  public Client member(URI endpoint) {
    synchronized (lock) {
      requireOpen();
      Client client = members.get(endpoint);
      if (client == null) {
        client = build(List.of(endpoint), ClientSettings.MEMBER_RETRIES);
        members.put(endpoint, client);
      }
      return client;
    }
  }

  /**
   * One operator-facing line for a failed etcd call to {@code endpoint} (null for a call through
   * {@link #cluster()}): TLS problems name the file to fix, refusals and timeouts are retryable.
   */
  public static WardenException explain(Throwable failure, URI endpoint, EtcdTarget target) {
    return FailureExplainer.explain(failure, endpoint, target, false);
  }

  /**
   * As {@link #explain}, for a call on a connection that had already answered (its TLS handshake
   * went through): a closed or reset connection is then the member going away, never a rejected
   * certificate.
   */
  public static WardenException explainAfterAnswers(Throwable failure, URI endpoint,
      EtcdTarget target) {
    return FailureExplainer.explain(failure, endpoint, target, true);
  }

  /** Closes every client made; the first failure is thrown after all were tried. */
  @Override
  public void close() {
    List<Client> clients = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (cluster != null) {
        clients.add(cluster);
      }
      clients.addAll(members.values());
    }
    RuntimeException first = null;
    for (Client client : clients) {
      try {
        client.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private Client build(List<URI> endpoints, int retries) {
    String scheme = String.valueOf(endpoints.get(0).getScheme());
    for (URI endpoint : endpoints) {
      boolean known = scheme.equals("http") || scheme.equals("https");
      if (!known || !scheme.equals(endpoint.getScheme()) || endpoint.getPort() < 1) {
        throw new IllegalArgumentException("not one kind of etcd endpoints: " + endpoints);
      }
    }
    SharedGrpcLoop.markUsed();
    ClientBuilder builder = ClientSettings.apply(Client.builder(), target.timeout(),
        target.dialTimeout(), retries)
        .target(ClientSettings.ipTarget(endpoints));
    // jetcd negotiates TLS whenever an SslContext is set, whatever the URI scheme says.
    if (scheme.equals("https")) {
      builder.sslContext(tlsMaterial().sslContext());
    }
    // No user: etcd (auth enabled) takes the client certificate's common name as the user.
    target.credentials().ifPresent(c -> builder.user(ByteSequence.from(c.user(), UTF_8))
        .password(ByteSequence.from(c.passwordBytes())));
    return builder.build();
  }

  /**
   * A new channel to {@code endpoint} only (which need not be one of the target's), for calls
   * that stream a lot of data such as the snapshot: flow-controlled, on BoringSSL, with the
   * target's TLS files and timeout. Unlike the clients above, the caller owns it and closes it.
   */
  public MemberStreamChannel memberStream(URI endpoint) {
    synchronized (lock) {
      requireOpen();
    }
    return MemberStreamChannel.open(endpoint, target, this::tls);
  }

  private TlsMaterial tls() {
    synchronized (lock) {
      return tlsMaterial();
    }
  }

  private TlsMaterial tlsMaterial() {
    if (tls == null) {
      // An https member URL for an http target: no files, the JVM's trust store.
      tls = TlsMaterial.load(target);
    }
    return tls;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("EtcdClients is closed");
    }
  }
}
