package org.marsad.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The topics stage's log note. */
@Tag("unit")
class TopicsNoteTest {

  @Test
  void theTopicsNoteSaysKCoherenceDiversityAndWhereTheFitRan() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("k", 20);
    q.put("npmi_mean", -0.14871);
    q.put("diversity", 0.955);
    assertThat(TopicsStage.note(q)).isEqualTo("k = 20, mean NPMI -0.1487, diversity 0.955");
    q.put("steps", 45);
    q.put("fit_on", "driver");
    assertThat(TopicsStage.note(q))
        .isEqualTo("k = 20, mean NPMI -0.1487, diversity 0.955, 45 steps on the driver");
    assertThat(TopicsStage.note(Map.of("k", 0)))
        .isEqualTo("no topics (too few documents or terms)");
  }
}
