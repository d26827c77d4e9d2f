package io.etcdwarden.core.endpoint;

import io.etcdwarden.core.WardenException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of the {@code ETCDCTL_*} variables etcdctl documents (its global flags, upper
 * case, dashes as underscores, plus {@code ETCDCTL_API} and the v2-era names the Juju charm
 * exported) and what etcd-warden does with each: honoured, or refused in one line that names the
 * variable, never silently ignored. A refused variable set to etcdctl's own default is accepted,
 * since it asks for exactly what etcd-warden does anyway. Variables etcdctl does not document
 * (our {@code ETCDCTL_BIN}, for instance) are not this table's business.
 */
public final class EtcdctlVariables {
  public static final String ETCDCTL_DIAL_TIMEOUT = "ETCDCTL_DIAL_TIMEOUT";
  public static final String ETCDCTL_COMMAND_TIMEOUT = "ETCDCTL_COMMAND_TIMEOUT";
  public static final String ETCDCTL_WRITE_OUT = "ETCDCTL_WRITE_OUT";

  /**
   * One documented variable: honoured (any value), or refused unless its value is one of
   * {@code accepted} (etcdctl's default), with {@code refusal} saying why and what to do.
   */
  public record Variable(String name, boolean honoured, Set<String> accepted, String refusal) {}

  private static Variable honoured(String name) {
    return new Variable(name, true, Set.of(), "");
  }

  private static Variable refused(String name, Set<String> defaults, String why) {
    return new Variable(name, false, defaults, why);
  }

  /** Why the three DNS SRV discovery variables are refused. */
  private static final String NO_DNS_SRV = "DNS SRV discovery is not supported";
  /** Why the two keepalive variables are refused. */
  private static final String NO_KEEPALIVE =
      "etcd-warden's calls are short and set no gRPC keepalive; unset it";

  /** Every variable etcdctl 3.4-3.7 documents, in its help's order. */
  public static final List<Variable> TABLE = List.of(
      honoured(EtcdTargetResolver.ETCDCTL_ENDPOINTS),
      honoured(EtcdTargetResolver.ETCDCTL_CACERT),
      honoured(EtcdTargetResolver.ETCDCTL_CERT),
      honoured(EtcdTargetResolver.ETCDCTL_KEY),
      honoured(EtcdTargetResolver.ETCDCTL_ENDPOINT),
      honoured(EtcdTargetResolver.ETCDCTL_CA_FILE),
      honoured(EtcdTargetResolver.ETCDCTL_CERT_FILE),
      honoured(EtcdTargetResolver.ETCDCTL_KEY_FILE),
      honoured(ETCDCTL_DIAL_TIMEOUT),
      honoured(ETCDCTL_COMMAND_TIMEOUT),
      honoured(ETCDCTL_WRITE_OUT),
      refused("ETCDCTL_API", Set.of("3"), "etcd-warden speaks etcd's v3 API only; set it to 3"
          + " or unset it"),
      honoured("ETCDCTL_USER"),
      honoured("ETCDCTL_PASSWORD"),
      refused("ETCDCTL_AUTH_JWT_TOKEN", Set.of(), "JWT token authentication is not supported;"
          + " unset it"),
      refused("ETCDCTL_INSECURE_SKIP_TLS_VERIFY", Set.of("false"), "etcd-warden always"
          + " verifies the server's certificate; give its CA with --cacert or ETCDCTL_CACERT"),
      refused("ETCDCTL_INSECURE_TRANSPORT", Set.of("true"), "etcd-warden chooses TLS from the"
          + " endpoints' scheme (https://); unset it"),
      refused("ETCDCTL_INSECURE_DISCOVERY", Set.of("true"), NO_DNS_SRV + "; unset it"),
      refused("ETCDCTL_DISCOVERY_SRV", Set.of(), NO_DNS_SRV + "; give the endpoints with"
          + " --endpoints or ETCDCTL_ENDPOINTS"),
      refused("ETCDCTL_DISCOVERY_SRV_NAME", Set.of(), NO_DNS_SRV + "; unset it"),
      refused("ETCDCTL_KEEPALIVE_TIME", Set.of(), NO_KEEPALIVE),
      refused("ETCDCTL_KEEPALIVE_TIMEOUT", Set.of(), NO_KEEPALIVE),
      refused("ETCDCTL_MAX_REQUEST_BYTES", Set.of(), "etcd-warden sends no large requests;"
          + " unset it"),
      refused("ETCDCTL_MAX_RECV_BYTES", Set.of(), "etcd-warden sizes its receive limits"
          + " itself; unset it"),
      refused("ETCDCTL_HEX", Set.of("false"), "etcd-warden prints no keys or values (IDs are"
          + " always hex); unset it"),
      refused("ETCDCTL_DEBUG", Set.of("false"), "etcd-warden has no client debug logging;"
          + " unset it"));

  private EtcdctlVariables() {}

  /** {@code ETCDCTL_WRITE_OUT}'s value, the output format when no flag chooses one. */
  public static Optional<String> writeOut(Map<String, String> env) {
    return Optional.ofNullable(env.get(ETCDCTL_WRITE_OUT));
  }

  /** The table's entry for {@code name}, if etcdctl documents it. */
  public static Optional<Variable> find(String name) {
    return TABLE.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * Throws a one-line {@link WardenException#badInput} for the first variable in {@code env}
   * (by the table's order) that etcd-warden refuses with the value it has.
   */
  public static void refuseUnsupported(Map<String, String> env) {
    for (Variable v : TABLE) {
      String value = env.get(v.name());
      if (value == null || v.honoured()) {
        continue;
      }
      if (!v.accepted().contains(value.trim().toLowerCase(Locale.ROOT))) {
        throw WardenException.badInput(v.name() + " is set (" + shown(v.name(), value)
            + ") but not supported: " + v.refusal());
      }
    }
  }

  private static String shown(String name, String value) {
    return name.contains("PASSWORD") || name.contains("TOKEN") ? "value hidden" : "'" + value + "'";
  }
}
