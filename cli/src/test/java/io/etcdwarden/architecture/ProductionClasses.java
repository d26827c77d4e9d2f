package io.etcdwarden.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every module's production classes, imported once for all architecture tests. cli's test
 * class path holds every module (testkit's main code included); test classes are left out, so
 * the rules judge only what ships.
 */
final class ProductionClasses {
  private static JavaClasses classes;

  private ProductionClasses() {}

  static synchronized JavaClasses all() {
    if (classes == null) {
      classes = new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.etcdwarden");
    }
    return classes;
  }

  /** The class {@code c} is nested in, outermost; {@code c} itself when it is top-level. */
  static JavaClass topLevel(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
