package io.etcdwarden.installer.membership;

import io.etcd.jetcd.cluster.Member;
import io.etcdwarden.core.output.Printable;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code member list} as an operator reads it: a table (learners marked, unstarted members
 * named so), or a document {@code {"members": [{"id", "name", "learner", "peer_urls",
 * "client_urls"}]}} with IDs as hex strings (etcd's IDs are unsigned 64-bit) and an unstarted
 * member's name empty, as etcd reports it.
 */
public final class MemberListView implements Printable {
  private static final String ROW = "%-16s %-12s %-8s %-32s %s%n";
  private final List<Member> members;

  public MemberListView(List<Member> members) {
    this.members = List.copyOf(members);
  }

  @Override
  public String table() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "ID", "NAME", "ROLE",
        "PEER URLS", "CLIENT URLS"));
    for (Member m : members) {
      out.append(String.format(Locale.ROOT, ROW, Long.toHexString(m.getId()),
          m.getName().isEmpty() ? "(unstarted)" : m.getName(), m.isLearner() ? "learner" : "voting",
          String.join(",", urls(m.getPeerURIs())), String.join(",", urls(m.getClientURIs()))));
    }
    return out.toString();
  }

  @Override
  public Object document() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("members", members.stream().map(MemberListView::member).toList());
    return root;
  }

  private static Map<String, Object> member(Member m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", Long.toHexString(m.getId()));
    row.put("name", m.getName());
    row.put("learner", m.isLearner());
    row.put("peer_urls", urls(m.getPeerURIs()));
    row.put("client_urls", urls(m.getClientURIs()));
    return row;
  }

  private static List<String> urls(List<URI> urls) {
    return urls.stream().map(URI::toString).toList();
  }
}
