package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UserPathsTest {

  private static final Path BASE = Path.of("/home/u/data");

  @Test
  void relativePathsResolveAgainstTheBaseAndNormalise() {
    assertThat(UserPaths.resolve("corpus", BASE)).isEqualTo("/home/u/data/corpus");
    assertThat(UserPaths.resolve("../conf/stop.txt", BASE)).isEqualTo("/home/u/conf/stop.txt");
    assertThat(UserPaths.resolve("./out", BASE)).isEqualTo("/home/u/data/out");
    assertThat(UserPaths.resolve("news/*.parquet", BASE)).isEqualTo("/home/u/data/news/*.parquet");
  }

  @Test
  void absolutePathsAndUrisStayAsTheyAre() {
    assertThat(UserPaths.resolve("/srv/corpus", BASE)).isEqualTo("/srv/corpus");
    assertThat(UserPaths.resolve("hdfs:///corpora/ant", BASE)).isEqualTo("hdfs:///corpora/ant");
    assertThat(UserPaths.resolve("s3a://bucket/news/*.parquet", BASE))
        .isEqualTo("s3a://bucket/news/*.parquet");
    assertThat(UserPaths.resolve("file:/tmp/x", BASE)).isEqualTo("file:/tmp/x");
    assertThat(UserPaths.resolve("file:relative", BASE)).isEqualTo("file:relative");
    assertThat(UserPaths.hasScheme("C:/data")).isFalse();
  }

  @Test
  void withoutABaseNothingChanges() {
    assertThat(UserPaths.resolve("corpus", null)).isEqualTo("corpus");
    assertThat(UserPaths.resolve(null, BASE)).isNull();
  }
}
