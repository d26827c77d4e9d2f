package io.etcdwarden.installer.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.Auth;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.auth.Permission;
import io.etcdwarden.core.WardenException;
import io.etcdwarden.core.client.EtcdClients;
import io.etcdwarden.core.endpoint.EtcdTarget;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The etcd user and role behind the monitor certificate ({@link ClientRole#MONITOR}): role and
 * user are both named after the certificate's CN, and the role may read {@code /etcd-warden/}
 * and nothing else (status, member list and alarms need no key permission). Creates what is
 * missing and checks what exists: a role that may do more, or a user with other roles, is
 * refused with one line naming the excess, since the point is least privilege. The user gets a
 * random password nobody keeps: it logs in by its certificate's CN. Works whether or not auth is
 * enabled yet (users and roles can be prepared before {@code auth enable}); with auth enabled
 * the caller must connect as a user with etcd's root role.
 */
public final class MonitorAccess {
  /** The keys the monitor may read: etcd-warden's own state. */
  public static final String PREFIX = "/etcd-warden/";
  private static final String PREFIX_END = "/etcd-warden0"; // '/' + 1: every key under PREFIX

  private final EtcdClients clients;
  private final EtcdTarget target;

  public MonitorAccess(EtcdClients clients) {
    this.clients = clients;
    this.target = clients.target();
  }

  /** Creates or checks role and user; returns one line per thing done or found in place. */
  public List<String> ensure() {
    String name = ClientRole.MONITOR.commonName();
    ByteSequence id = bytes(name);
    Auth auth = clients.cluster().getAuthClient();
    List<String> done = new ArrayList<>();
    List<String> roles = call(auth.roleList(), "list etcd roles").getRoles();
    if (!roles.contains(name)) {
      call(auth.roleAdd(id), "add etcd role " + name);
      done.add("created etcd role " + name);
    }
    List<Permission> held = call(auth.roleGet(id), "read etcd role " + name).getPermissions();
    List<String> excess = held.stream().filter(p -> !isPrefixRead(p)).map(MonitorAccess::describe)
        .toList();
    if (!excess.isEmpty()) {
      throw new WardenException("etcd role " + name + " may do more than read " + PREFIX + ": "
          + String.join(", ", excess) + "; revoke that (etcdctl role revoke-permission) and"
          + " run again");
    }
    if (held.isEmpty()) {
      call(auth.roleGrantPermission(id, bytes(PREFIX), bytes(PREFIX_END), Permission.Type.READ),
          "grant read on " + PREFIX + " to role " + name);
      done.add("granted etcd role " + name + " read on " + PREFIX);
    }
    List<String> users = call(auth.userList(), "list etcd users").getUsers();
    if (!users.contains(name)) {
      call(auth.userAdd(id, bytes(unusablePassword())), "add etcd user " + name);
      done.add("created etcd user " + name + " (logs in by its certificate's CN)");
    }
    List<String> userRoles = call(auth.userGet(id), "read etcd user " + name).getRoles();
    List<String> others = userRoles.stream().filter(r -> !r.equals(name)).toList();
    if (!others.isEmpty()) {
      throw new WardenException("etcd user " + name + " has other roles too: "
          + String.join(", ", others) + "; revoke them (etcdctl user revoke-role) and run again");
    }
    if (!userRoles.contains(name)) {
      call(auth.userGrantRole(id, id), "grant role " + name + " to user " + name);
      done.add("granted etcd role " + name + " to user " + name);
    }
    if (done.isEmpty()) {
      done.add("etcd user and role " + name + " in place: read on " + PREFIX + " only");
    }
    return done;
  }

  private static boolean isPrefixRead(Permission p) {
    return p.getPermType() == Permission.Type.READ && p.getKey().equals(bytes(PREFIX))
        && p.getRangeEnd().equals(bytes(PREFIX_END));
  }

  private static String describe(Permission p) {
    return p.getPermType() + " [" + p.getKey().toString(UTF_8) + ", "
        + p.getRangeEnd().toString(UTF_8) + ")";
  }

  private static String unusablePassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }

  private <T> T call(CompletableFuture<T> future, String what) {
    try {
      return future.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new WardenException("cannot " + what + ": "
          + EtcdClients.explain(e.getCause(), null, target).getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw WardenException.retryable("cannot " + what + ": no answer within "
          + target.timeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WardenException("interrupted while trying to " + what, e);
    }
  }

  private static ByteSequence bytes(String text) {
    return ByteSequence.from(text, UTF_8);
  }
}
