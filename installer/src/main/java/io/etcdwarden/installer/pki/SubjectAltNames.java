package io.etcdwarden.installer.pki;

import io.etcdwarden.core.WardenException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * The subjectAltName list of a member certificate. Every host an operator names becomes an
 * iPAddress entry if it is an IP literal and a dNSName otherwise, because TLS clients match IPs
 * only against iPAddress entries. 127.0.0.1 and localhost are always added so that local tools
 * (etcdctl on the member itself, health checks) can verify the member without naming it.
 */
final class SubjectAltNames {
  static final List<String> ALWAYS = List.of("127.0.0.1", "localhost");

  // RFC 1123 labels, plus '_' (seen in real internal zones) and a leading wildcard label.
  private static final String LABEL = "[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?";
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*");

  private SubjectAltNames() {}

  /** The names for {@code hosts} plus {@link #ALWAYS}, in order, without duplicates. */
  static GeneralNames forHosts(List<String> hosts) {
    if (hosts == null) {
      throw WardenException.badInput(
          "member hosts list is missing; pass the member's IP addresses and DNS names");
    }
    List<String> all = new ArrayList<>(hosts);
    all.addAll(ALWAYS);
    // GeneralName compares by DER encoding, so "::1" and "0:0:0:0:0:0:0:1" count as one.
    Set<GeneralName> names = new LinkedHashSet<>();
    for (String host : all) {
      names.add(toGeneralName(host));
    }
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  /** The DNS names and IP addresses in {@code cert}'s subjectAltName, in order. */
  static List<String> hostsOf(X509Certificate cert) {
    List<String> hosts = new ArrayList<>();
    try {
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          int type = (Integer) name.get(0);
          if (type == GeneralName.dNSName || type == GeneralName.iPAddress) {
            hosts.add((String) name.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw MemberReissue.unreadableNames(cert, e);
    }
    return hosts;
  }

  /** One requested name as text: an IP address, a DNS name, or its type for any other kind. */
  static String text(GeneralName name) {
    if (name.getTagNo() == GeneralName.iPAddress) {
      byte[] octets = org.bouncycastle.asn1.DEROctetString.getInstance(name.getName()).getOctets();
      try {
        return java.net.InetAddress.getByAddress(octets).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        return "IP address of " + octets.length + " bytes";
      }
    }
    return name.getTagNo() == GeneralName.dNSName ? name.getName().toString()
        : "a name of type " + name.getTagNo();
  }

  private static GeneralName toGeneralName(String raw) {
    String host = raw == null ? "" : raw.strip();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (IPAddress.isValid(host)) {
      return new GeneralName(GeneralName.iPAddress, host);
    }
    String dns = host.toLowerCase(Locale.ROOT);
    if (dns.endsWith(".")) {
      dns = dns.substring(0, dns.length() - 1);
    }
    if (dns.length() > 253 || !DNS_NAME.matcher(dns).matches()) {
      throw WardenException.badInput(
          "member host '" + raw + "' is neither an IP address nor a DNS name; fix the hosts list");
    }
    return new GeneralName(GeneralName.dNSName, dns);
  }
}
