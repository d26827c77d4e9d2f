package io.etcdwarden.cli;

import io.etcdwarden.installer.local.FreePorts;

/**
 * Prints a free loopback port, for {@code bin/etcd-warden-cds}: its training run starts a
 * daemon there so the class-data archive covers the plugin's warm path as well.
 */
public final class FreePort {
  private FreePort() {}

  public static void main(String[] args) {
    System.out.println(FreePorts.loopback(1).get(0));
  }
}
