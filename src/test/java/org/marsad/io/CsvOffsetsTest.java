package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.catalog.Catalog;
import org.marsad.pipeline.Table;

/**
 * Offsets in a CSV count in the cell as written: when a sentence or context gets the OWASP {@code
 * '} (it starts with {@code -}, {@code =}...), the offsets into it are one more, so that the name
 * is still at [start, end) of the cell; other rows and other offsets are unchanged.
 */
@Tag("spark")
class CsvOffsetsTest {

  @TempDir Path tmp;

  private List<String[]> write(Table t, List<Row> rows) throws Exception {
    Dataset<Row> d = SharedSpark.get().createDataFrame(rows, t.schema());
    FileSystem fs = FileSystem.getLocal(SharedSpark.get().sparkContext().hadoopConfiguration());
    org.apache.hadoop.fs.Path target =
        new org.apache.hadoop.fs.Path(tmp.resolve(t.name() + ".csv").toUri());
    CsvExport.write(
        fs, d, new org.apache.hadoop.fs.Path(tmp.resolve("scratch-" + t.name()).toUri()), target);
    try (var files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".crc"));
    }
    byte[] b = Files.readAllBytes(tmp.resolve(t.name() + ".csv"));
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setLineSeparator("\n");
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    return new CsvParser(s)
        .parseAll(new java.io.StringReader(new String(b, 3, b.length - 3, StandardCharsets.UTF_8)));
  }

  private static String cell(List<String[]> rows, int row, String col) {
    return rows.get(row)[Arrays.asList(rows.get(0)).indexOf(col)];
  }

  private static String span(List<String[]> rows, int row, String text, String from, String to) {
    return cell(rows, row, text)
        .substring(Integer.parseInt(cell(rows, row, from)), Integer.parseInt(cell(rows, row, to)));
  }

  @Test
  void offsetsIntoANeutralisedSentenceCountItsQuote() throws Exception {
    String dashed = "-روسيا والصين في مجلس الأمن";
    String plain = "قالت روسيا إن الصين شريك";
    Timestamp at = Timestamp.from(Instant.parse("2021-03-03T00:00:00Z"));
    List<String[]> rows =
        write(
            Catalog.COMENTION_EVIDENCE,
            List.of(
                RowFactory.create(
                    "2021-03", "CN", "RU", 1, "d1", "s", at, "d1", "text", dashed, 8, 13, 1, 6,
                    null),
                RowFactory.create(
                    "2021-03", "CN", "RU", 2, "d2", "s", at, "d2", "text", plain, 14, 19, 5, 10,
                    null)));
    assertThat(cell(rows, 1, "sentence")).isEqualTo("'" + dashed);
    assertThat(span(rows, 1, "sentence", "a_start", "a_end")).isEqualTo("الصين");
    assertThat(span(rows, 1, "sentence", "b_start", "b_end")).isEqualTo("روسيا");
    assertThat(cell(rows, 1, "b_start")).isEqualTo("2");
    assertThat(cell(rows, 2, "sentence")).isEqualTo(plain);
    assertThat(span(rows, 2, "sentence", "a_start", "a_end")).isEqualTo("الصين");
    assertThat(cell(rows, 2, "b_start")).isEqualTo("5");

    List<String[]> terms =
        write(
            Catalog.TERM_EVIDENCE,
            List.of(
                RowFactory.create(
                    "2021-03", "ar", "صين", "الصين", "top", 1, "d1", "s", at, dashed, 8, 13,
                    null)));
    assertThat(span(terms, 1, "sentence", "start", "end")).isEqualTo("الصين");
  }

  @Test
  void aMentionsContextOffsetsFollowItsQuoteAndItsDocumentOffsetsDoNot() throws Exception {
    String context = "=روسيا قالت";
    List<String[]> rows =
        write(
            Catalog.STATE_MENTIONS,
            List.of(
                RowFactory.create(
                    "d1", "2021-03", "s", "RU", "name", "روسيا", "text", 120, 125, 3, context, 1,
                    6)));
    assertThat(cell(rows, 1, "context")).isEqualTo("'" + context);
    assertThat(span(rows, 1, "context", "context_start", "context_end")).isEqualTo("روسيا");
    assertThat(cell(rows, 1, "start")).isEqualTo("120"); // in the document, not in a cell
    assertThat(cell(rows, 1, "end")).isEqualTo("125");
    assertThat(cell(rows, 1, "sentence")).isEqualTo("3");
  }
}
