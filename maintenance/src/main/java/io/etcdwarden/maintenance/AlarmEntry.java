package io.etcdwarden.maintenance;

/** One alarm etcd holds: the member it was raised on (hex ID and name) and its type. */
record AlarmEntry(String memberId, String memberName, String type) {

  /** The text an operator reads, e.g. {@code NOSPACE on etcd1}. */
  public String describe() {
    return type + " on " + (memberName.isEmpty() ? memberId : memberName);
  }
}
