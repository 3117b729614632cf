package org.marsad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;

/**
 * The text package (and the fingerprints of stories) are plain Java: reusable from a UDF,
 * mapPartitions or an MLlib Transformer.
 */
@AnalyzeClasses(packages = "org.marsad", importOptions = ImportOption.DoNotIncludeTests.class)
@Tag("unit")
class ArchitectureTest {

  @ArchTest
  static final ArchRule textHasNoSpark =
      noClasses()
          .that()
          .resideInAPackage("org.marsad.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..");

  /** The per-document part of story detection runs inside the analysis pass: plain Java too. */
  @ArchTest
  static final ArchRule storyFingerprintsHaveNoSpark =
      noClasses()
          .that()
          .resideInAPackage("org.marsad.stories..")
          .and()
          .haveNameNotMatching(
              "org\\.marsad\\.stories\\.(Stories|StoryTables|ConnectedComponents)(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..");

  @ArchTest
  static final ArchRule capabilitiesDoNoIo =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.marsad.terms..",
              "org.marsad.states..",
              "org.marsad.topics..",
              "org.marsad.stories..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.hadoop.fs..", "org.marsad.io..", "java.nio.file..");
}
