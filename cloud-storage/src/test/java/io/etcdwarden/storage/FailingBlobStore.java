package io.etcdwarden.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A provider whose every operation fails, as an unreachable bucket or dead volume would. */
public final class FailingBlobStore implements BlobStore {
  @Override
  public long write(String name, InputStream data) throws IOException {
    data.read(new byte[10]);
    throw new IOException("injected write failure");
  }

  @Override
  public InputStream read(String name) throws IOException {
    throw new IOException("injected read failure");
  }

  @Override
  public List<Blob> list() throws IOException {
    throw new IOException("injected list failure");
  }

  @Override
  public boolean delete(String name) throws IOException {
    throw new IOException("injected delete failure");
  }

  @Override
  public String locate(String name) {
    return "failing://bucket/" + name;
  }

  @Override
  public String copyCommand(String name) {
    return "false";
  }
}
