package io.etcdwarden.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * {@code manifest.json}, the entry after {@code db} (before it in archives written before
 * one-pass streaming; format v1): where and when the snapshot was taken and what {@code db} must
 * look like. IDs are etcd's unsigned 64-bit IDs in hex; {@code revision}, raft term and index
 * are the member's as streaming began; {@code key_count} is the number of keys at that revision
 * (what a restore must serve at it), absent (null) in archives written before it was recorded.
 */
public record SnapshotManifest(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("etcd_version") String etcdVersion,
    @JsonProperty("cluster_id") String clusterId,
    @JsonProperty("member_id") String memberId,
    @JsonProperty("member_name") String memberName,
    @JsonProperty("revision") long revision,
    @JsonProperty("raft_term") long raftTerm,
    @JsonProperty("raft_index") long raftIndex,
    @JsonProperty("db_size") long dbSize,
    @JsonProperty("db_sha256") String dbSha256,
    @JsonProperty("members") List<Member> members,
    @JsonProperty("tool_version") String toolVersion,
    @JsonProperty("key_count") @JsonInclude(JsonInclude.Include.NON_NULL) Long keyCount) {
  public static final int FORMAT_VERSION = 1;
  public static final String ENTRY = "manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public SnapshotManifest {
    members = List.copyOf(members);
  }

  /** A manifest without a key count, as archives written before it was recorded have. */
  public SnapshotManifest(int formatVersion, String createdAt, String etcdVersion,
      String clusterId, String memberId, String memberName, long revision, long raftTerm,
      long raftIndex, long dbSize, String dbSha256, List<Member> members, String toolVersion) {
    this(formatVersion, createdAt, etcdVersion, clusterId, memberId, memberName, revision,
        raftTerm, raftIndex, dbSize, dbSha256, members, toolVersion, null);
  }

  /** One cluster member as the member list showed it when the snapshot was taken. */
  public record Member(@JsonProperty("name") String name, @JsonProperty("id") String id,
      @JsonProperty("client_urls") List<String> clientUrls) {}

  /**
   * Writes one throwaway manifest so that Jackson's first-use set-up (its serializers for this
   * record) is done before the real one is due at the end of a snapshot: a command passes it to
   * {@code ShortLivedProcess.prepareInBackground} before it snapshots.
   */
  public static void prepareJson() {
    new SnapshotManifest(FORMAT_VERSION, "", "", "", "", "", 0, 0, 0, 0, "",
        List.of(new Member("", "", List.of())), "", 0L).toJson();
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("a manifest always serialises", e);
    }
  }

  public static SnapshotManifest fromJson(byte[] json) throws IOException {
    return JSON.readValue(json, SnapshotManifest.class);
  }
}
