package org.marsad.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.analysis.AnalysisPass;
import org.marsad.analysis.PassSettings;
import org.marsad.boilerplate.Boilerplate;
import org.marsad.boilerplate.BoilerplateScan;
import org.marsad.corpus.Corpus;
import org.marsad.corpus.CorpusLoader;
import org.marsad.corpus.SlashDates;
import org.marsad.io.CorpusReader;
import org.marsad.pipeline.Extractor;
import org.marsad.stories.DedupMode;
import org.marsad.stories.Stories;
import org.marsad.stories.StoryParams;
import org.marsad.stories.StoryTables;

/**
 * Loading a corpus: one aggregation decides how slash dates read, the analysis pass writes the
 * intermediate once (its rows in and rejections counted by observations on that write), one shuffle
 * finds the repeated ids and texts, and story detection groups the documents. The decisions are
 * small and broadcast (below the driver cap); above it they stay distributed joins.
 */
final class Load {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MarsadJob.class);

  /** The reasons the pass rejects a row for, counted on its write. */
  static final List<String> PASS_REASONS =
      List.of(
          "missing_id", "missing_text", "empty_text", "missing_date", "bad_date", "analysis_error");

  private Load() {}

  /**
   * A loaded corpus.
   *
   * @param raw the corpus as read, with the reader's file and row columns
   * @param intermediate the pass's output read back (one row per input row)
   * @param rowsIn input rows
   * @param passRejected rows the pass rejected, by reason
   * @param slash how slash dates were read
   * @param decisions repeated ids and texts and reprints (null: above the cap, see {@code corpus})
   * @param corpus the distributed decisions when they are above the driver cap, else null
   * @param stories the stories tables
   * @param documents the accepted documents with duplicate_of, story_id and counted
   */
  record Loaded(
      Dataset<Row> raw,
      Dataset<Row> intermediate,
      long rowsIn,
      Map<String, Long> passRejected,
      SlashDates.Decision slash,
      Boilerplate boilerplate,
      Decisions decisions,
      Corpus corpus,
      StoryTables stories,
      Dataset<Row> documents,
      long passBytes,
      List<String> periodsTouched) {

    /** The rejected keys (doc_id, reason, detail, file, row). */
    Dataset<Row> rejectedKeys(SparkSession spark) {
      if (corpus != null) {
        return corpus.rejectedKeys();
      }
      Dataset<Row> early =
          intermediate
              .filter(col("reason").isNotNull())
              .select(col("doc_id"), col("reason"), col("detail"), col("file"), col("row"));
      if (decisions.duplicateIds == 0) {
        return early;
      }
      Decisions d = decisions;
      MapPartitionsFunction<Row, Row> dupIds =
          rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
              Row r = rows.next();
              if (!d.firstOfItsId(r.getString(0), r.getString(1), r.getLong(2))) {
                out.add(
                    RowFactory.create(
                        r.getString(0),
                        "duplicate_id",
                        "id already used by an earlier row; the first occurrence is kept",
                        r.getString(1),
                        r.getLong(2)));
              }
            }
            return out.iterator();
          };
      Dataset<Row> repeated =
          intermediate
              .filter(
                  col("reason").isNull().and(col("doc_id").isin(d.firstOfId.keySet().toArray())))
              .select("doc_id", "file", "row")
              .mapPartitions(dupIds, Encoders.row(REJECTED_KEYS));
      return early.unionByName(repeated);
    }
  }

  static final StructType REJECTED_KEYS =
      new StructType()
          .add("doc_id", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, true)
          .add("detail", DataTypes.StringType, true)
          .add("file", DataTypes.StringType, true)
          .add("row", DataTypes.LongType, true);

  /**
   * The extractors of a run of every stage: terms and states, relations unless off, fingerprints
   * unless stories are off.
   */
  static List<Extractor.Factory> extractors(JobConfig config, StoryParams stories) {
    return extractors(config, stories, MarsadJob.ALL);
  }

  /**
   * The extractors the stages of a command read: the states are matched only when the states,
   * relations or topics (topic_states) stages run, the relations only with the relations stage; the
   * terms always (topic labels and the documents' token counts read them).
   */
  static List<Extractor.Factory> extractors(
      JobConfig config, StoryParams stories, java.util.Set<MarsadJob.Stage> stages) {
    List<Extractor.Factory> out = new ArrayList<>();
    out.add(org.marsad.terms.TermsExtractor.FACTORY);
    boolean relations = config.relations() && stages.contains(MarsadJob.Stage.RELATIONS);
    if (relations
        || stages.contains(MarsadJob.Stage.STATES)
        || stages.contains(MarsadJob.Stage.TOPICS)) {
      out.add(org.marsad.states.StatesExtractor.factory(config.states(), config.forms()));
    }
    if (relations) { // after the states: it reads the states they found
      out.add(
          org.marsad.relations.RelationsExtractor.factory(
              config.relationLexicons(), config.forms()));
    }
    if (config.dedup() != DedupMode.NONE) {
      out.add(org.marsad.stories.FingerprintExtractor.factory(stories));
    }
    return out;
  }

  /**
   * Loads the corpus of {@code config}; the pass's rows are written to {@code batchDir} (kept in
   * the output folder for updates, see {@link RunState}). With a {@code prior} (an update) only the
   * new files are read and analysed, with the run's corpus-wide decisions, and the documents are
   * decided over the earlier batches and this one together.
   */
  static Loaded run(
      SparkSession spark,
      JobConfig config,
      String batchDir,
      StoryParams storyParams,
      java.util.Set<MarsadJob.Stage> stages,
      Update.Prior prior) {
    Dataset<Row> raw = CorpusReader.read(spark, config.inputs());
    if (prior != null && prior.filterNew()) {
      raw = raw.filter(col(CorpusReader.FILE_COL).isin(fileForms(prior.newFiles())));
    }
    CorpusLoader.checkColumns(raw.schema(), config.corpus());
    List<String> dateLike = List.of();
    if (!Arrays.asList(raw.columns()).contains(config.corpus().dateCol())) {
      dateLike = CorpusLoader.dateLikeColumns(raw.schema());
      if (!dateLike.isEmpty()) {
        LOG.warn(
            "[load] no column '{}': every document is in period 'all' and there are no trends;"
                + " the corpus has date-like columns {}: set --date-col {}",
            config.corpus().dateCol(),
            dateLike,
            dateLike.get(0));
      }
    }
    SlashDates.Decision slash =
        prior != null ? prior.decisions().slash() : SlashDates.detect(raw, config.corpus());
    PassSettings pass =
        PassSettings.of(
            config.corpus().withSlashOrder(slash.order()),
            config.analysis(),
            extractors(config, storyParams, stages));
    // Boilerplate lines: one job over the text (cleaned, cut into lines, not analysed).
    Boilerplate boilerplate =
        prior != null
            ? prior.decisions().boilerplate()
            : BoilerplateScan.find(
                raw, pass.corpus(), pass.dates(), config.boilerplate(), config.driverCap());
    pass = pass.withBoilerplate(boilerplate);
    // The pass, written once; its rows and rejections counted on the write.
    spark.sparkContext().setJobDescription("analyse documents");
    List<Column> metrics = new ArrayList<>();
    metrics.add(count(lit(1)).as("rows"));
    for (String r : PASS_REASONS) {
      metrics.add(sum(when(col("reason").equalTo(r), 1L).otherwise(0L)).as(r));
    }
    // The periods of the new rows (a bounded set), for the manifest of an update.
    metrics.add(org.apache.spark.sql.functions.collect_set(col("period")).as("periods"));
    Observation observed = new Observation("pass");
    String dir = batchDir;
    AnalysisPass.run(raw, pass)
        .observe(
            observed, metrics.get(0), metrics.subList(1, metrics.size()).toArray(new Column[0]))
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "lz4_raw")
        .parquet(dir);
    Map<String, Object> m = observedMap(observed);
    long rowsIn = number(m.get("rows"));
    Map<String, Long> passRejected = new LinkedHashMap<>();
    for (String r : PASS_REASONS) {
      long n = number(m.get(r));
      if (prior != null) {
        n += prior.passRejected().getOrDefault(r, 0L);
      }
      if (n > 0) {
        passRejected.put(r, n);
      }
    }
    List<String> periods = new ArrayList<>();
    Object seen = m.get("periods");
    if (seen instanceof scala.collection.Iterable<?> it) {
      scala.jdk.javaapi.CollectionConverters.asJava(it).forEach(p -> periods.add((String) p));
    } else if (seen instanceof java.util.Collection<?> c) {
      c.forEach(p -> periods.add((String) p));
    }
    periods.removeIf(java.util.Objects::isNull);
    java.util.Collections.sort(periods);
    // Read back with its known schema (no inference job), with the earlier batches of an update.
    List<String> dirs = new ArrayList<>();
    if (prior != null) {
      dirs.addAll(prior.batches());
      rowsIn += prior.rowsIn();
    }
    dirs.add(dir);
    Dataset<Row> inter =
        spark.read().schema(AnalysisPass.schema(pass)).parquet(dirs.toArray(new String[0]));
    long passBytes = RunState.bytes(spark.sparkContext().hadoopConfiguration(), dirs);
    if (prior != null) {
      raw = withEarlierInputs(spark, raw, prior);
    }
    long cap = config.driverCap();
    Decisions d = repeated(inter, cap);
    StoryTables stories;
    Corpus corpus = null;
    Dataset<Row> documents;
    if (d == null) {
      // Above the cap: the distributed decisions (joins) of CorpusLoader.
      corpus = CorpusLoader.load(inter);
      stories =
          Stories.compute(corpus.storyInput(), config.dedup(), storyParams, config.driverCap());
      corpus = corpus.withStories(stories.documents());
      documents = corpus.documents();
    } else {
      Broadcast<Decisions> b0 = broadcast(spark, d);
      stories =
          Stories.compute(storyInput(inter, b0), config.dedup(), storyParams, config.driverCap());
      spark.sparkContext().setJobDescription("stories: reprints");
      List<Row> reprints =
          org.marsad.pipeline.BoundedCollect.rows(
              stories
                  .documents()
                  .filter(col("story_first").equalTo(false))
                  .select("doc_id", "story_id"),
              cap);
      if (reprints == null) {
        corpus = CorpusLoader.load(inter).withStories(stories.documents());
        documents = corpus.documents();
      } else {
        for (Row r : reprints) {
          d.storyOf.put(r.getString(0), r.getString(1));
        }
        documents = documents(inter, broadcast(spark, d));
      }
    }
    return new Loaded(
        raw,
        inter,
        rowsIn,
        passRejected,
        slash,
        boilerplate,
        corpus == null ? d : null,
        corpus,
        stories,
        documents,
        passBytes,
        periods);
  }

  /**
   * The corpus as read by a run of every input so far: the earlier inputs' files (read only where a
   * table quotes them: the rejected rows and the evidence sentences) and the new ones.
   */
  private static Dataset<Row> withEarlierInputs(
      SparkSession spark, Dataset<Row> raw, Update.Prior prior) {
    Dataset<Row> earlier;
    try {
      earlier =
          CorpusReader.read(spark, prior.inputs())
              .filter(col(CorpusReader.FILE_COL).isin(fileForms(prior.files())));
    } catch (RuntimeException e) {
      throw org.marsad.pipeline.MarsadException.data(
          "Cannot update: the inputs of the earlier run are not readable ("
              + e.getMessage()
              + "); the rejected and evidence tables quote their rows",
          String.join(", ", prior.inputs()),
          "keep the earlier inputs where they were, or run the whole corpus again",
          e);
    }
    return earlier.unionByName(raw, true);
  }

  /**
   * The forms a file's path takes in the reader's file column ({@code _metadata.file_path}, a URI)
   * for each of {@code files} (qualified paths, as listed).
   */
  static Object[] fileForms(List<String> files) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String f : files) {
      out.add(f);
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f);
      out.add(p.toUri().toString());
      if (f.startsWith("file:/") && !f.startsWith("file:///")) {
        out.add("file://" + f.substring("file:".length()));
      }
    }
    return out.toArray();
  }

  /** An observed count (null over no rows: a sum of nothing). */
  private static long number(Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static Map<String, Object> observedMap(Observation o) {
    try {
      return o.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot count rows read: interrupted", e);
    }
  }

  private static <T> Broadcast<T> broadcast(SparkSession spark, T v) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(v);
  }

  /**
   * The repeated ids (first row of each) and texts (first document of each) of the valid rows, in
   * one shuffle, or null when there are more than {@code cap} of them.
   */
  static Decisions repeated(Dataset<Row> inter, long cap) {
    inter.sparkSession().sparkContext().setJobDescription("repeated ids and texts");
    Dataset<Row> valid = inter.filter(col("reason").isNull());
    Column member = struct(col("file"), col("row"), col("doc_id")).as("m");
    List<Row> rows =
        valid
            .select(lit(0).as("kind"), col("doc_id").as("k"), member)
            .unionByName(valid.select(lit(1).as("kind"), hex(col("text_hash")).as("k"), member))
            .groupBy("kind", "k")
            .agg(count(lit(1)).as("n"), min(col("m")).as("first"))
            .filter(col("n").gt(1))
            .limit((int) Math.min(Integer.MAX_VALUE - 1, cap + 1))
            .collectAsList();
    if (rows.size() > cap) {
      return null;
    }
    Decisions d = new Decisions();
    List<Row> texts = new ArrayList<>();
    for (Row r : rows) {
      Row first = r.getStruct(3);
      if (r.getInt(0) == 0) {
        d.firstOfId.put(r.getString(1), first.getString(0) + "\t" + first.getLong(1));
        d.duplicateIds += r.getLong(2) - 1;
      } else {
        texts.add(r);
      }
    }
    for (Row r : texts) {
      Row first = r.getStruct(3);
      if (d.firstOfItsId(first.getString(2), first.getString(0), first.getLong(1))) {
        d.firstOfText.put(r.getString(1), first.getString(2));
      } else {
        d.unresolvedTexts.add(r.getString(1));
      }
    }
    if (!d.unresolvedTexts.isEmpty()) {
      resolveTexts(valid, d);
    }
    return d;
  }

  /**
   * The first document of the repeated texts whose first row was a rejected repeated id: the first
   * among the rows that are the first of their id (a rare case; one small aggregation).
   */
  private static void resolveTexts(Dataset<Row> valid, Decisions d) {
    Broadcast<Decisions> b = broadcast(valid.sparkSession(), d);
    MapPartitionsFunction<Row, Row> firsts =
        rows -> {
          List<Row> out = new ArrayList<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            if (b.value().firstOfItsId(r.getString(2), r.getString(0), r.getLong(1))) {
              out.add(r);
            }
          }
          return out.iterator();
        };
    StructType s =
        new StructType()
            .add("file", DataTypes.StringType)
            .add("row", DataTypes.LongType)
            .add("doc_id", DataTypes.StringType)
            .add("h", DataTypes.StringType);
    for (Row r :
        valid
            .withColumn("h", hex(col("text_hash")))
            .filter(col("h").isin(d.unresolvedTexts.toArray()))
            .select("file", "row", "doc_id", "h")
            .mapPartitions(firsts, Encoders.row(s))
            .groupBy("h")
            .agg(count(lit(1)).as("n"), min(struct(col("file"), col("row"), col("doc_id"))))
            .collectAsList()) {
      if (r.getLong(1) > 1) {
        d.firstOfText.put(r.getString(0), r.getStruct(2).getString(2));
      }
    }
  }

  /** What story detection reads: the valid rows that are the first of their id. */
  private static Dataset<Row> storyInput(Dataset<Row> inter, Broadcast<Decisions> b) {
    Dataset<Row> valid = inter.filter(col("reason").isNull());
    boolean fingerprints = Arrays.asList(inter.columns()).contains("fingerprint");
    Dataset<Row> cols =
        valid.select(
            col("doc_id"),
            col("published_at"),
            col("period"),
            col("source"),
            col("title"),
            fingerprints ? col("fingerprint") : lit(null).cast("binary").as("fingerprint"),
            col("file"),
            col("row"));
    StructType schema = cols.schema();
    MapPartitionsFunction<Row, Row> firsts =
        rows -> {
          List<Row> out = new ArrayList<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            if (b.value().firstOfItsId(r.getString(0), r.getString(6), r.getLong(7))) {
              out.add(r);
            }
          }
          return out.iterator();
        };
    return cols.mapPartitions(firsts, Encoders.row(schema))
        .select(Stories.INPUT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * The accepted documents (the valid rows that are the first of their id) with duplicate_of,
   * story_id and counted, from the broadcast decisions: no shuffle.
   */
  static Dataset<Row> documents(Dataset<Row> inter, Broadcast<Decisions> b) {
    StructType in = inter.schema();
    StructType out =
        in.add("duplicate_of", DataTypes.StringType, true)
            .add("story_id", DataTypes.StringType, true)
            .add("counted", DataTypes.BooleanType, false);
    int id = in.fieldIndex("doc_id");
    int file = in.fieldIndex("file");
    int row = in.fieldIndex("row");
    int hash = in.fieldIndex("text_hash");
    int width = in.size();
    MapPartitionsFunction<Row, Row> decide =
        rows ->
            new Iterator<Row>() {
              private final Decisions d = b.value();
              private Row next = advance();

              private Row advance() {
                while (rows.hasNext()) {
                  Row r = rows.next();
                  String doc = r.getString(id);
                  if (!d.firstOfItsId(doc, r.getString(file), r.getLong(row))) {
                    continue;
                  }
                  Object[] v = new Object[width + 3];
                  for (int i = 0; i < width; i++) {
                    v[i] = r.get(i);
                  }
                  String first = d.firstOfText.get(hexOf((byte[]) r.get(hash)));
                  v[width] = first != null && !first.equals(doc) ? first : null;
                  String story = d.storyOf.get(doc);
                  v[width + 1] = story == null ? doc : story;
                  v[width + 2] = story == null;
                  return RowFactory.create(v);
                }
                return null;
              }

              @Override
              public boolean hasNext() {
                return next != null;
              }

              @Override
              public Row next() {
                if (next == null) {
                  throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = advance();
                return r;
              }
            };
    return inter.filter(col("reason").isNull()).mapPartitions(decide, Encoders.row(out));
  }

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  /** Upper-case hex of {@code b}, as Spark's hex(). */
  static String hexOf(byte[] b) {
    if (b == null) {
      return null;
    }
    char[] c = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      c[2 * i] = HEX_DIGITS[(b[i] >> 4) & 0xF];
      c[2 * i + 1] = HEX_DIGITS[b[i] & 0xF];
    }
    return new String(c);
  }
}
