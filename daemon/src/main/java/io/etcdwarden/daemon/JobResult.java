package io.etcdwarden.daemon;

/** How one job run ended, and one line saying what it did. */
record JobResult(JobHistory.Outcome outcome, String line) {}
