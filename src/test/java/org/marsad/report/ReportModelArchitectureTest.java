package org.marsad.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;

/**
 * The report's model and its rendering use no Spark or Hadoop: a run can build the page from the
 * results it holds in memory, and the page is unit-testable. Only FolderReports (reading an output
 * folder) and Report (writing the page through Hadoop's filesystem) touch them.
 */
@Tag("unit")
@AnalyzeClasses(
    packages = "org.marsad.report",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ReportModelArchitectureTest {

  @ArchTest
  static final ArchRule modelAndRenderingHaveNoSpark =
      noClasses()
          .that()
          .resideInAPackage("org.marsad.report")
          .and()
          .haveNameNotMatching("org\\.marsad\\.report\\.(FolderReports|Report)(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..");
}
