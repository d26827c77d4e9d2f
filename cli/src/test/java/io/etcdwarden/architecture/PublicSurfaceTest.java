package io.etcdwarden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module's public surface is what other packages use: a public top-level class with no
 * production caller outside its own package should be package-private. Interfaces and
 * annotations are contracts and left out; testkit is left out because its callers are other
 * modules' tests, which this class path does not hold. Every other exception is listed below
 * with its reason.
 */
class PublicSurfaceTest {

  private static final String TEST_SEAM =
      "test seam: testkit's systemd tests install and render a member unit through it";

  /**
   * Public without a production caller outside the package, and why.
   */
  static final Map<String, String> PUBLIC_FOR = Map.ofEntries(
      Map.entry("io.etcdwarden.installer.service.SystemdServiceManager", TEST_SEAM),
      Map.entry("io.etcdwarden.installer.service.SystemdUnitRenderer", TEST_SEAM),
      Map.entry("io.etcdwarden.maintenance.MemberReport", "a member of the public"
          + " ClusterReading, read through its List/Optional accessors (generic type arguments"
          + " are not calls the rule sees)"),
      Map.entry("io.etcdwarden.backup.CatalogEntry", "the element of SnapshotCatalog's public"
          + " lists, handed to CatalogView (generic type arguments are not calls the rule sees);"
          + " restore's tests read it"),
      Map.entry("io.etcdwarden.core.systemd.SandboxDirectives", "daemon and installer use its"
          + " SERVICE_LINES constant, which javac inlines: bytecode shows no caller"));

  @Test
  void implementationClassesArePublicOnlyWhenAnotherPackageUsesThem() {
    classes().that().areTopLevelClasses().and().arePublic().and().areNotInterfaces()
        .and().areNotAnnotations().and().resideOutsideOfPackage("io.etcdwarden.testkit..")
        .should(haveACallerOutsideTheirPackage())
        .because("implementations are package-private where they can be (DESIGN.md)")
        .check(ProductionClasses.all());
  }

  private static ArchCondition<JavaClass> haveACallerOutsideTheirPackage() {
    Set<String> usedOutside = usedOutsideTheirPackage();
    return new ArchCondition<>("have a caller outside their package") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        if (!usedOutside.contains(c.getName()) && !PUBLIC_FOR.containsKey(c.getName())
            && !isEntryPoint(c)) {
          events.add(SimpleConditionEvent.violated(c, c.getName()
              + " is public but nothing outside " + c.getPackageName() + " uses it"));
        }
      }
    };
  }

  /**
   * Top-level classes that a class of another package uses (directly or a nested class), or
   * that appear in the signature of a method or constructor it calls: a value handed from one
   * public method to another is part of the surface even when the caller never names it.
   */
  private static Set<String> usedOutsideTheirPackage() {
    Set<String> used = new HashSet<>();
    for (JavaClass origin : ProductionClasses.all()) {
      for (Dependency d : origin.getDirectDependenciesFromSelf()) {
        addIfOutside(used, origin, d.getTargetClass());
      }
      List<JavaCall<?>> calls = new ArrayList<>(origin.getMethodCallsFromSelf());
      calls.addAll(origin.getConstructorCallsFromSelf());
      for (JavaCall<?> call : calls) {
        CodeUnitCallTarget target = call.getTarget();
        addIfOutside(used, origin, target.getRawReturnType());
        target.getRawParameterTypes().forEach(type -> addIfOutside(used, origin, type));
      }
    }
    return used;
  }

  private static void addIfOutside(Set<String> used, JavaClass origin, JavaClass type) {
    JavaClass target = ProductionClasses.topLevel(type);
    if (!target.getPackageName().equals(origin.getPackageName())) {
      used.add(target.getName());
    }
  }

  private static boolean isEntryPoint(JavaClass c) {
    return c.getMethods().stream().anyMatch(m -> m.getName().equals("main")
        && m.getModifiers().contains(JavaModifier.STATIC)
        && m.getModifiers().contains(JavaModifier.PUBLIC));
  }
}
