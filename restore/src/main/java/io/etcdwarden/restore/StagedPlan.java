package io.etcdwarden.restore;

/**
 * What both restore plans share: a member on this host, the archive staged beside its data dir
 * (named as the operator gave it in {@code source}) and the member's restore lock. The plan's
 * heading, dropping the staged db and discarding the plan are written once here for
 * {@link RestorePlan} and {@link ClusterRebuildPlan}.
 */
interface StagedPlan extends PreparedRestore {
  MemberOnHost member();

  String source();

  StagedArchive archive();

  RestoreLock lock();

  /** The first lines of the rendered plan: its title, the member, then the archive. */
  default StringBuilder heading(String title) {
    StringBuilder text = new StringBuilder();
    text.append(title).append(" for member ").append(member().name()).append(" (")
        .append(member().configFile()).append(")\n");
    text.append("  archive: ").append(source()).append('\n');
    text.append("           ").append(archive().describe()).append('\n');
    text.append("           ").append(archive().describeSha()).append('\n');
    return text;
  }

  /** Removes the staged db and releases the lock: the plan will not be carried out. */
  @Override
  default void discard() {
    dropStagedDb();
    lock().close();
  }

  /** Removes the staged db (this run's own file) once the restore tool has read it. */
  default void dropStagedDb() {
    ArchiveStager.deleteQuietly(archive().dbFile());
  }
}
