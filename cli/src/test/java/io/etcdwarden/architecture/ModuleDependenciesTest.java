package io.etcdwarden.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No module reaches up: each module's main code uses only the modules below it that its pom
 * names, and nothing but bench uses testkit. Fails the build on the first class that does.
 */
class ModuleDependenciesTest {

  @Test
  void everyModuleUsesOnlyTheModulesBelowItThatItsPomNames() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (Module module : Module.all()) {
      layers = module == Module.BENCH
          ? layers.optionalLayer(module.directory).definedBy(module.packages())
          : layers.layer(module.directory).definedBy(module.packages());
    }
    for (Module module : Module.all()) {
      layers = module.uses.isEmpty()
          ? layers.whereLayer(module.directory).mayNotAccessAnyLayer()
          : layers.whereLayer(module.directory).mayOnlyAccessLayers(module.usedLayers());
    }
    layers.because("modules depend downward only (DESIGN.md) and main code never uses testkit")
        .check(ProductionClasses.all());
  }

  @Test
  void theModuleTableItselfPointsOnlyDownwardAndKeepsTestkitOutOfMainCode() {
    for (Module module : Module.all()) {
      for (Module used : module.uses) {
        assertThat(used.level).as(module + " uses " + used).isLessThan(module.level);
        if (used == Module.TESTKIT) {
          assertThat(module).as("only bench may use testkit").isEqualTo(Module.BENCH);
        }
      }
    }
  }

  @Test
  void everyClassLivesInTheRootPackageOfTheModuleThatBuildsIt() {
    List<String> strays = ProductionClasses.all().stream()
        .filter(c -> !c.getName().contains("$"))
        .filter(c -> owner(c).map(m -> !builtBy(c, m)).orElse(true))
        .map(c -> c.getName() + " from " + location(c))
        .toList();
    assertThat(strays).as("classes outside their module's root package (or in a module not"
        + " listed in Module)").isEmpty();
    assertThat(ProductionClasses.all().stream().map(ModuleDependenciesTest::owner)
        .flatMap(Optional::stream).distinct())
        .as("every module except bench has main code on cli's test class path")
        .containsAll(Module.all().stream().filter(m -> m != Module.BENCH).toList());
  }

  private static Optional<Module> owner(JavaClass c) {
    return Module.all().stream()
        .filter(m -> c.getPackageName().equals(m.rootPackage)
            || c.getPackageName().startsWith(m.rootPackage + "."))
        .findFirst();
  }

  private static boolean builtBy(JavaClass c, Module m) {
    String where = location(c);
    return where.contains("/" + m.directory + "/target/")
        || where.contains("/etcd-warden-" + m.directory + "/")
        || where.contains("/etcd-warden-" + m.directory + "-");
  }

  private static String location(JavaClass c) {
    return c.getSource().map(s -> s.getUri().toString()).orElse("?");
  }
}
