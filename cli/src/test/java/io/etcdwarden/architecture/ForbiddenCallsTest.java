package io.etcdwarden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production code does not end the JVM, print stack traces or sleep, except in the places
 * listed here, each with the reason it may. Waiting is "poll until a deadline", failures are
 * one line from the CLI (STYLE.md). Classes are named by their simple name so the moves of
 * issue 14 keep their allowance.
 */
class ForbiddenCallsTest {

  /** Classes allowed to call {@code System.exit} / {@code Runtime.exit|halt}. */
  static final Map<String, String> MAY_EXIT = Map.of(
      "EtcdWarden", "the entry point: exits with the command's code; jetcd's Netty threads"
          + " would otherwise keep the JVM ~0.4 s longer (FIELD-NOTES)",
      "CdsTraining", "build-time tool: the CDS archive is dumped at exit and jetcd leaves"
          + " non-daemon threads behind");

  /** Classes allowed to call {@code Thread.sleep}. */
  static final Map<String, String> MAY_SLEEP = Map.of(
      "BackupJob", "holds the snapshot lock past the archive name's second (1.1 s at most,"
          + " polling the clock every 20 ms): names have one-second resolution",
      "Await", "testkit's one pause between two looks of a test's deadline-bound poll",
      "SystemdNamespace", "testkit fixture: the pause between deadline-bound polls while a"
          + " namespaced systemd boots");

  /** No class may print a stack trace: failures go to the log or as one line to stderr. */
  static final Map<String, String> MAY_PRINT_STACK_TRACES = Map.of();

  @Test
  void onlyTheEntryPointsEndTheJvm() {
    noClasses().that(notIn(MAY_EXIT)).should().callMethodWhere(call(System.class, "exit")
            .or(call(Runtime.class, "exit")).or(call(Runtime.class, "halt")))
        .because("only the CLI maps failures to exit codes").check(ProductionClasses.all());
  }

  @Test
  void noProductionClassPrintsAStackTrace() {
    noClasses().that(notIn(MAY_PRINT_STACK_TRACES))
        .should().callMethodWhere(call(Throwable.class, "printStackTrace"))
        .because("failures are one line for the operator; stack traces go to the debug log")
        .check(ProductionClasses.all());
  }

  @Test
  void onlyTheListedPlacesSleep() {
    noClasses().that(notIn(MAY_SLEEP)).should().callMethodWhere(call(Thread.class, "sleep"))
        .because("waiting is polling until a deadline, never a bare sleep")
        .check(ProductionClasses.all());
  }

  private static DescribedPredicate<JavaClass> notIn(Map<String, String> allowed) {
    return DescribedPredicate.describe("are not one of " + allowed.keySet(),
        c -> !allowed.containsKey(ProductionClasses.topLevel(c).getSimpleName()));
  }

  private static DescribedPredicate<JavaCall<?>> call(Class<?> owner, String method) {
    return DescribedPredicate.describe(owner.getSimpleName() + "." + method,
        c -> c.getTarget().getName().equals(method)
            && c.getTarget().getOwner().isAssignableTo(owner));
  }
}
