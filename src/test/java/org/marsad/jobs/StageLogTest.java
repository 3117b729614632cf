package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StageLogTest {

  @Test
  void eachStageLineNamesTheTablesWrittenSinceThePreviousStage() {
    Map<String, Long> rows = new LinkedHashMap<>();
    StageLog log = new StageLog(rows);
    rows.put("documents", 300L);
    rows.put("rejected", 1L);
    assertThat(log.line("load", StageLog.loadNote(301, 300, 1), 5.84, false))
        .isEqualTo("[load] 301 input rows: 300 documents, 1 rejected, 5.8 s");
    rows.put("term_frequencies", 12_568L);
    rows.put("term_keyness", 699L);
    rows.put("collocations", 189L);
    assertThat(log.line("terms", null, 4.2, true))
        .isEqualTo(
            "[terms] 13,456 rows in 3 tables (term_frequencies 12,568, term_keyness 699,"
                + " collocations 189), 4.2 s");
    rows.put("states", 198L);
    assertThat(log.line("states", "24 networks", 1.04, true))
        .isEqualTo("[states] 24 networks; 198 rows in 1 table (states 198), 1.0 s");
    assertThat(log.line("report", "out/report/index.html", 2.0, true))
        .isEqualTo("[report] out/report/index.html, 2.0 s");
  }
}
