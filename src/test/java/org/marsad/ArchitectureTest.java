package org.marsad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;

/**
 * The house rules: text analysis and state matching are plain Java (reusable from a UDF,
 * mapPartitions or an MLlib Transformer); capability stages do no I/O; {@code io} and the catalog
 * sit at the edges and know nothing of the domain.
 */
@Tag("unit")
@AnalyzeClasses(packages = "org.marsad", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule textAndMatchingHaveNoSpark =
      noClasses()
          .that()
          .resideInAnyPackage("org.marsad.text..", "org.marsad.states.match..")
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
              "org.marsad.trends..",
              "org.marsad.evidence..",
              "org.marsad.stories..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.hadoop.fs..", "org.marsad.io..", "java.nio.file..");

  @ArchTest
  static final ArchRule ioKnowsNoDomain =
      noClasses()
          .that()
          .resideInAnyPackage("org.marsad.io..", "org.marsad.catalog..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.marsad.analysis..",
              "org.marsad.corpus..",
              "org.marsad.terms..",
              "org.marsad.states..",
              "org.marsad.topics..",
              "org.marsad.trends..",
              "org.marsad.evidence..",
              "org.marsad.stories..",
              "org.marsad.jobs..",
              "org.marsad.report..");

  @ArchTest
  static final ArchRule textIsTheGround =
      noClasses()
          .that()
          .resideInAPackage("org.marsad.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.marsad.analysis..",
              "org.marsad.corpus..",
              "org.marsad.terms..",
              "org.marsad.states..",
              "org.marsad.topics..",
              "org.marsad.jobs..",
              "org.marsad.io..");
}
