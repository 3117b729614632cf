package org.marsad;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
          .haveNameMatching(
              "org\\.marsad\\.stories\\.(Fingerprint|Fingerprinter|Hashing|Similarity|StoryParams)(\\$.*)?")
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
          .resideInAnyPackage("org.marsad.io..")
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
              "org.marsad.relations..",
              "org.marsad.jobs..",
              "org.marsad.report..");

  /** No two packages depend on each other, directly or through others. */
  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("org.marsad.(*)..").should().beFreeOfCycles();

  /** The analysis pass runs the capabilities' extractors it is given; it knows none of them. */
  @ArchTest
  static final ArchRule analysisImportsNoCapability =
      noClasses()
          .that()
          .resideInAnyPackage("org.marsad.analysis..", "org.marsad.pipeline..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.marsad.terms..",
              "org.marsad.states..",
              "org.marsad.topics..",
              "org.marsad.stories..",
              "org.marsad.relations..",
              "org.marsad.catalog..",
              "org.marsad.jobs..",
              "org.marsad.cli..");

  /** Capabilities share through the pipeline's typed values, never by importing each other. */
  @ArchTest static final ArchRule termsImportNoOtherCapability = isolated("terms");

  @ArchTest static final ArchRule statesImportNoOtherCapability = isolated("states");

  @ArchTest static final ArchRule topicsImportNoOtherCapability = isolated("topics");

  @ArchTest static final ArchRule storiesImportNoOtherCapability = isolated("stories");

  @ArchTest static final ArchRule relationsImportNoOtherCapability = isolated("relations");

  private static ArchRule isolated(String capability) {
    java.util.List<String> others = new java.util.ArrayList<>();
    for (String c : java.util.List.of("terms", "states", "topics", "stories", "relations")) {
      if (!c.equals(capability)) {
        others.add("org.marsad." + c + "..");
      }
    }
    others.add("org.marsad.catalog..");
    others.add("org.marsad.jobs..");
    others.add("org.marsad.cli..");
    others.add("org.marsad.report..");
    return noClasses()
        .that()
        .resideInAPackage("org.marsad." + capability + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others.toArray(new String[0]))
        .allowEmptyShould(true);
  }

  @ArchTest
  static final ArchRule textIsTheGround =
      noClasses()
          .that()
          .resideInAPackage("org.marsad.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.marsad.pipeline..",
              "org.marsad.analysis..",
              "org.marsad.corpus..",
              "org.marsad.terms..",
              "org.marsad.states..",
              "org.marsad.topics..",
              "org.marsad.jobs..",
              "org.marsad.io..");
}
