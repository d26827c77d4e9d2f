package io.etcdwarden.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The install tests' members and their clean-up, in one place: {@link #cluster(Path, int)} hands
 * out an {@link InstallFixture} (free ports, names, install command lines), and after each test
 * every member that any of them recorded as running is killed, whatever the test left behind.
 * Register it as {@code @RegisterExtension final InstalledMembers installs = new
 * InstalledMembers();}, or with {@link #oneMemberIn} for a one-member fixture made before each
 * test.
 */
final class InstalledMembers implements BeforeEachCallback, AfterEachCallback {
  private final List<InstallFixture> created = new ArrayList<>();
  private final Supplier<Path> oneMemberRoot;
  private InstallFixture oneMember;

  InstalledMembers() {
    this(null);
  }

  private InstalledMembers(Supplier<Path> oneMemberRoot) {
    this.oneMemberRoot = oneMemberRoot;
  }

  /**
   * A fixture of one member under {@code root} (read before each test, so a {@code @TempDir}
   * field may be given as {@code () -> tmp}), ready in {@link #fixture()}.
   */
  static InstalledMembers oneMemberIn(Supplier<Path> root) {
    return new InstalledMembers(Objects.requireNonNull(root, "root"));
  }

  /** A fixture of {@code members} members under {@code root}, killed after the test. */
  InstallFixture cluster(Path root, int members) throws IOException {
    InstallFixture fixture = new InstallFixture(root, members);
    created.add(fixture);
    return fixture;
  }

  /** The one-member fixture of {@link #oneMemberIn}. */
  InstallFixture fixture() {
    return Objects.requireNonNull(oneMember, "register with InstalledMembers.oneMemberIn");
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (oneMemberRoot != null) {
      oneMember = cluster(Objects.requireNonNull(oneMemberRoot.get(), "fixture root"), 1);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    created.forEach(InstallFixture::killAll);
    created.clear();
  }
}
