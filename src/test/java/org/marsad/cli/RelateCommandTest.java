package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marsad relate}: TSV of pair relations, no Spark session. */
@Tag("unit")
class RelateCommandTest {

  @TempDir Path tmp;

  private record Result(int code, String err, String out) {}

  private static Result run(String stdin, String... args) {
    StringWriter err = new StringWriter();
    PrintStream oldOut = System.out;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int code = Marsad.execute(new PrintWriter(err, true), args);
      return new Result(code, err.toString(), out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setIn(oldIn);
    }
  }

  private static final String HEADER = "id\ta\tb\trelation\tquad\tdirection\tcue";

  @Test
  void textArgumentsGetNumberedIdsAndOneRowPerPair() {
    Result r =
        run(
            "",
            "relate",
            "--lang",
            "en",
            "Egypt condemned the Israeli attack on Syria.",
            "Egypt, Jordan and Morocco took part in the summit.");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            HEADER,
            "1\tEG\tIL\tconflict\tverbal_conflict\ta>b\tcondemned",
            "1\tEG\tSY\tcooperation\tverbal_cooperation\ta>b\tcondemned",
            "1\tIL\tSY\tconflict\tmaterial_conflict\ta>b\tattack",
            "2\tEG\tJO\tneutral\tneutral\tnone\t",
            "2\tEG\tMA\tneutral\tneutral\tnone\t",
            "2\tJO\tMA\tneutral\tneutral\tnone\t");
  }

  @Test
  void jsonLinesWithTheirLanguageOrIdentified() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a1\",\"text\":\"أدانت مصر الهجوم الإسرائيلي على سوريا.\",\"lang\":\"ar\"}\n"
            + "\n"
            + "{\"id\":\"e2\",\"text\":\"Russia and China signed an agreement on gas supplies.\"}\n"
            + "{\"id\":\"x3\",\"text\":\"Only Egypt here.\"}\n",
        StandardCharsets.UTF_8);
    Result r = run("", "relate", "--input", in.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            HEADER,
            "a1\tEG\tIL\tconflict\tverbal_conflict\ta>b\tأدانت",
            "a1\tEG\tSY\tcooperation\tverbal_cooperation\ta>b\tأدانت",
            "a1\tIL\tSY\tconflict\tmaterial_conflict\ta>b\tالهجوم",
            "e2\tCN\tRU\tcooperation\tverbal_cooperation\tnone\tsigned an agreement");
  }

  @Test
  void stdinLinesAreTexts() {
    Result r =
        run(
            "Syria was attacked by Turkey.\n\nFrance will impose sanctions on Russia.\n",
            "relate",
            "--lang",
            "en");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            HEADER,
            "1\tSY\tTR\tconflict\tmaterial_conflict\tb>a\tattacked",
            "2\tFR\tRU\tconflict\tverbal_conflict\ta>b\timpose sanctions");
  }

  @Test
  void aUserLexiconReplacesThePackagedOne() throws Exception {
    Path cues = tmp.resolve("en.tsv");
    Files.writeString(cues, "# mine\nsnubbed\tverbal_conflict\tv\n", StandardCharsets.UTF_8);
    Result r = run("", "relate", "--lang", "en", "--cues", "en=" + cues, "Chad snubbed Niger.");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).contains("1\tNE\tTD\tconflict\tverbal_conflict\tb>a\tsnubbed");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("", "relate", "--lang", "xx", "a").code()).isEqualTo(2);
    Result both = run("", "relate", "--input", "f.jsonl", "Egypt and Jordan.");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("either --input FILE or TEXT");
    assertThat(run("", "relate", "--cues", "zz=f.tsv", "a").code()).isEqualTo(2);
  }

  @Test
  void dataErrorsExitOneNamingTheLine() throws Exception {
    Path in = tmp.resolve("bad.jsonl");
    Files.writeString(
        in, "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\"}\n", StandardCharsets.UTF_8);
    Result r = run("", "relate", "--input", in.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "Cannot read --input: line 2 is not a JSON object with \"id\" and a string \"text\"");
    Result missing = run("", "relate", "--input", tmp.resolve("nowhere.jsonl").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
    Path cues = tmp.resolve("bad.tsv");
    Files.writeString(cues, "attack\twar\n", StandardCharsets.UTF_8);
    Result badCues = run("", "relate", "--lang", "en", "--cues", "en=" + cues, "Chad and Niger.");
    assertThat(badCues.code()).isEqualTo(1);
    assertThat(badCues.err()).contains("unknown class war").contains("line 1");
  }
}
