package org.marsad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsad.SharedSpark;
import org.marsad.jobs.JobTestSupport;

@Tag("spark")
class CliTest {

  @TempDir Path tmp;

  @Test
  void missingColumnExitsOneNamingItTheColumnsAndTheOption() {
    String in =
        JobTestSupport.writeCorpus(tmp, new String[] {"docno", "body"}, new Object[] {"1", "نص"});
    Cli.Result r =
        Cli.run(
            "terms", "--input", in, "--output", tmp.resolve("o").toString(), "--id-col", "docno");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("Cannot read corpus: no column 'text'; available: [docno, body]; set --text-col");
  }

  @Test
  void explicitDateColumnMustExist() {
    String in =
        JobTestSupport.writeCorpus(tmp, new String[] {"id", "text"}, new Object[] {"1", "نص"});
    Cli.Result r =
        Cli.run(
            "terms", "--input", in, "--output", tmp.resolve("o").toString(), "--date-col", "time");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no column 'time'").contains("--date-col");
  }

  @Test
  void corruptParquetExitsOneNamingTheFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Path f = dir.resolve("part-0.parquet");
    Files.writeString(f, "this is not parquet at all, just text pretending");
    Cli.Result r =
        Cli.run("terms", "--input", dir.toString(), "--output", tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("Cannot read corpus").contains("part-0.parquet");
    assertThat(Files.exists(tmp.resolve("o/documents"))).isFalse();
  }

  @Test
  void missingInputPathExitsOne() {
    Cli.Result r =
        Cli.run(
            "terms",
            "--input",
            tmp.resolve("nowhere").toString(),
            "--output",
            tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no such file or folder").contains("nowhere");
  }

  @Test
  void emptyCorpusGivesEmptyTablesAndExitsZero() {
    String in = JobTestSupport.writeCorpus(tmp, new String[] {"id", "text"});
    String out = tmp.resolve("o").toString();
    Cli.Result r = Cli.run("terms", "--input", in, "--output", out);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JobTestSupport.table(out, "documents").count()).isZero();
    assertThat(JobTestSupport.table(out, "term_frequencies").columns())
        .contains("period", "source", "lang", "term", "label", "term_count", "doc_count");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("terms", "--no-such-option").code()).isEqualTo(2);
    assertThat(Cli.run("terms").code()).isEqualTo(2);
    Cli.Result bad = Cli.run("terms", "--input", "x", "--period", "fortnight", "--output", "o");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "Cannot use --period: unknown value (fortnight); use day, week, month, quarter or year");
  }

  @Test
  void relativePathsResolveAgainstTheUsersFolderAndPathsInTheConfigAgainstItsFolder()
      throws Exception {
    Path user = Files.createDirectories(tmp.resolve("user"));
    JobTestSupport.writeCorpus(
        user, new String[] {"id", "text"}, new Object[] {"1", "روسيا والصين وروسيا"});
    Files.writeString(user.resolve("stop.txt"), "الصين\n", StandardCharsets.UTF_8);
    Cli.Result r =
        Cli.runIn(
            user, "terms", "--input", "corpus", "--output", "out", "--stopwords-ar", "stop.txt");
    assertThat(r.code()).as(r.err()).isZero();
    String out = user.resolve("out").toString();
    assertThat(r.out()).contains("tables in " + out);
    assertThat(Files.readString(user.resolve("out/_manifest.json")))
        .contains("\"input\" : \"" + user.resolve("corpus") + "\"")
        .contains("\"stopwords-ar\" : \"" + user.resolve("stop.txt") + "\"");
    assertThat(JobTestSupport.table(out, "term_frequencies").filter("term = 'صين'").count())
        .isZero();
    assertThat(JobTestSupport.table(out, "term_frequencies").filter("term = 'روسيا'").count())
        .isOne();

    // In a --config file, relative paths are relative to the file's folder; the command line's
    // to the user's folder.
    Path conf = Files.createDirectories(user.resolve("conf"));
    Files.writeString(
        conf.resolve("job.properties"),
        "input=../corpus\noutput=../from-config\nstopwords-ar=../stop.txt\n",
        StandardCharsets.UTF_8);
    Cli.Result c = Cli.runIn(user, "terms", "--config", "conf/job.properties");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(user.resolve("from-config/_manifest.json")).exists();
    Cli.Result both =
        Cli.runIn(user, "terms", "--config", "conf/job.properties", "--output", "from-cli");
    assertThat(both.code()).as(both.err()).isZero();
    assertThat(user.resolve("from-cli/_manifest.json")).exists();

    Cli.Result missing = Cli.runIn(user, "terms", "--input", "nowhere", "--output", "out");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains("Cannot read corpus: no such file or folder (" + user.resolve("nowhere") + ")");
  }

  @Test
  void analyzePrintsSurfaceAndTermOfKeptTokens() {
    Cli.Result r = Cli.run("analyze", "--lang", "ar", "وبروسيا في لبنان");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).containsExactly("وبروسيا\tروسيا", "لبنان\tلبنان");
    Cli.Result fr = Cli.run("analyze", "--lang", "français", "L'Égypte et les présidents");
    assertThat(fr.code()).isZero();
    assertThat(fr.out().lines()).containsExactly("L'Égypte\tegypt", "présidents\tpresident");
    Cli.Result guessed =
        Cli.run("analyze", "Le gouvernement français a annoncé lundi une réforme.");
    assertThat(guessed.out().lines()).contains("gouvernement\tgouvern");
    assertThat(Cli.run("analyze", "--lang", "xx", "a").code()).isEqualTo(2);
  }

  @Test
  void csvFormatWritesBomPrefixedFiles() throws Exception {
    String in =
        JobTestSupport.writeCorpus(
            tmp, new String[] {"id", "text"}, new Object[] {"1", "روسيا والصين"});
    String out = tmp.resolve("o").toString();
    assertThat(Cli.run("terms", "--input", in, "--output", out, "--format", "csv").code()).isZero();
    byte[] b = Files.readAllBytes(Path.of(out, "csv", "term_frequencies.csv"));
    assertThat(b[0]).isEqualTo((byte) 0xEF);
    String csv = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("period,source,lang,term,label,term_count,doc_count")
        .contains("روسيا");
  }

  @Test
  void ingestTurnsSeedShapedTextJsonlAndCsvIntoParquet() throws Exception {
    Path txt = Files.createDirectories(tmp.resolve("txt"));
    Files.copy(
        SharedSpark.repo().resolve("sample-data/seed/000_316ae984aebcec15.txt"),
        txt.resolve("000_316ae984aebcec15.txt"));
    Files.writeString(txt.resolve("a2.txt"), "جريدة:\nنص ثان عن روسيا", StandardCharsets.UTF_8);
    String out = tmp.resolve("txt.parquet").toString();
    assertThat(Cli.run("ingest", "--input", txt.toString(), "--output", out).code()).isZero();
    var rows = SharedSpark.get().read().parquet(out).orderBy("id").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat((String) rows.get(0).getAs("id")).isEqualTo("000_316ae984aebcec15");
    assertThat((String) rows.get(0).getAs("source")).isEqualTo("الثورة أون لاين");
    assertThat((String) rows.get(0).getAs("text")).startsWith("أدانت منظمة معاهدة الأمن الجماعي");
    assertThat((String) rows.get(1).getAs("source")).isEqualTo("جريدة");

    Path jsonl = Files.createDirectories(tmp.resolve("jsonl")).resolve("a.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\": \"j1\", \"text\": \"روسيا\"}\n{\"id\": \"j2\", \"text\": \"الصين\"}\n",
        StandardCharsets.UTF_8);
    String outJ = tmp.resolve("j.parquet").toString();
    assertThat(Cli.run("ingest", "--input", jsonl.toString(), "--output", outJ).code()).isZero();
    assertThat(SharedSpark.get().read().parquet(outJ).count()).isEqualTo(2);

    Path csv = Files.createDirectories(tmp.resolve("csv")).resolve("a.csv");
    Files.writeString(csv, "id,text\nc1,\"روسيا، والصين\"\n", StandardCharsets.UTF_8);
    String outC = tmp.resolve("c.parquet").toString();
    assertThat(Cli.run("ingest", "--input", csv.toString(), "--output", outC).code()).isZero();
    assertThat(SharedSpark.get().read().parquet(outC).first().<String>getAs("text"))
        .isEqualTo("روسيا، والصين");

    Cli.Result mixed =
        Cli.run(
            "ingest",
            "--input",
            txt.toString(),
            jsonl.toString(),
            "--output",
            tmp.resolve("m").toString());
    assertThat(mixed.code()).isEqualTo(1);
    assertThat(mixed.err()).contains("mixed file kinds");
  }
}
