package org.marsad.jobs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.LoadSettings;
import org.marsad.corpus.Period;
import org.marsad.io.OutputSettings;
import org.marsad.pipeline.SettingValues;
import org.marsad.terms.TermsSettings;
import org.marsad.topics.TopicsSettings;

/** Helpers to write small corpora and run the job on them. */
public final class JobTestSupport {

  private JobTestSupport() {}

  /** Writes rows of strings (columns named {@code cols}) as a Parquet corpus under {@code dir}. */
  public static String writeCorpus(Path dir, String[] cols, Object[]... rows) {
    StructType schema = new StructType();
    for (String c : cols) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    SparkSession spark = SharedSpark.get();
    String path = dir.resolve("corpus").toString();
    spark.createDataFrame(list, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    return path;
  }

  /** Columns of {@link #tinyCorpus}. */
  public static final String[] TINY_COLUMNS = {"id", "title", "text", "published_at", "source"};

  /**
   * Writes a dozen dated articles (Arabic and English, naming states, from 2020-12-28 to
   * 2022-01-03, so that ISO weeks and years cross a year's end) plus {@code extra} rows of {@link
   * #TINY_COLUMNS} as a Parquet corpus under {@code dir}.
   */
  public static String tinyCorpus(Path dir, Object[]... extra) {
    List<Object[]> rows =
        new java.util.ArrayList<>(
            List.of(
                new Object[] {
                  "t01",
                  "روسيا والصين",
                  "قال وزير الخارجية إن روسيا والصين تعاونتا في مجلس الأمن.",
                  "2020-12-28",
                  "skynews"
                },
                new Object[] {
                  "t02",
                  "زيارة إلى ألمانيا",
                  "زار الرئيس الفرنسي ألمانيا وبحث مع المستشار الأزمة في أوكرانيا.",
                  "2021-01-03T10:00:00Z",
                  "skynews"
                },
                new Object[] {
                  "t03",
                  "اتفاق اقتصادي",
                  "أعلنت مصر والسعودية عن اتفاق اقتصادي جديد في القاهرة.",
                  "2021-01-04",
                  "bbc"
                },
                new Object[] {
                  "t04",
                  "تركيا وإيران",
                  "التقى وزير خارجية تركيا نظيره الإيراني في طهران لبحث الملف السوري.",
                  "2021-01-04",
                  "bbc"
                },
                new Object[] {
                  "t05",
                  "البنك الدولي",
                  "قال البنك الدولي إن الاقتصاد في تونس والجزائر ينمو ببطء.",
                  "2021-02-15",
                  "skynews"
                },
                new Object[] {
                  "t06",
                  "الأردن والعراق",
                  "استقبل ملك الأردن رئيس وزراء العراق لبحث التعاون الاقتصادي.",
                  "2021-02-16",
                  "bbc"
                },
                new Object[] {
                  "t07",
                  "روسيا وكازاخستان",
                  "وقعت روسيا وكازاخستان اتفاقا للطاقة في موسكو.",
                  "2021-03-01",
                  "skynews"
                },
                new Object[] {
                  "t08",
                  "الصين وباكستان",
                  "أعلنت الصين عن خطة تجارية مع باكستان والهند.",
                  "2021-03-02",
                  "bbc"
                },
                new Object[] {
                  "t09",
                  "لبنان وسوريا",
                  "زار وفد من لبنان سوريا لبحث عودة اللاجئين.",
                  "2021-12-31T23:00:00Z",
                  "skynews"
                },
                new Object[] {
                  "t10",
                  "عقوبات",
                  "قالت الولايات المتحدة إن العقوبات على إيران باقية.",
                  "2022-01-01",
                  "bbc"
                },
                new Object[] {
                  "t11",
                  "Oil",
                  "Oil prices rose in London as Russia and Saudi Arabia cut output.",
                  "2022-01-02",
                  "reuters"
                },
                new Object[] {
                  "t12",
                  "Nile",
                  "The United Nations said Sudan and Egypt agreed to resume the Nile dam talks.",
                  "2022-01-03",
                  "reuters"
                }));
    rows.addAll(Arrays.asList(extra));
    return writeCorpus(dir, TINY_COLUMNS, rows.toArray(new Object[0][]));
  }

  /** CLI options that keep the topics stage of a {@link #tinyCorpus} run to a few seconds. */
  public static final List<String> TINY_TOPICS =
      List.of("--k", "3", "--max-iter", "10", "--min-df", "1", "--max-df", "0.9");

  /** A config over {@code input} with the given corpus options. */
  public static JobConfig config(String input, String output, CorpusOptions corpus) {
    SettingValues v =
        SettingValues.defaults(JobConfig.SETTINGS)
            .with(LoadSettings.INPUT, List.of(input))
            .with(OutputSettings.OUTPUT, output)
            .with(TermsSettings.MIN_COLLOCATION_COUNT, 2L)
            .with(TermsSettings.MIN_KEYNESS_COUNT, 2L)
            .with(TopicsSettings.MIN_TOPIC_STATE_DOCS, 2L);
    return withTopics(JobConfig.of(corpusValues(v, corpus)), smallTopics());
  }

  /** {@code v} with the columns, date formats and period of {@code c}. */
  public static SettingValues corpusValues(SettingValues v, CorpusOptions c) {
    v = v.with(LoadSettings.ID_COL, c.idCol()).with(LoadSettings.TEXT_COL, c.textCol());
    if (c.titleColSet()) {
      v = v.with(LoadSettings.TITLE_COL, c.titleCol());
    }
    if (c.dateColSet()) {
      v = v.with(LoadSettings.DATE_COL, c.dateCol());
    }
    if (c.sourceColSet()) {
      v = v.with(LoadSettings.SOURCE_COL, c.sourceCol());
    }
    if (c.langColSet()) {
      v = v.with(LoadSettings.LANG_COL, c.langCol());
    }
    if (c.urlColSet()) {
      v = v.with(LoadSettings.URL_COL, c.urlCol());
    }
    return v.with(LoadSettings.DATE_FORMAT, c.dateFormats()).with(LoadSettings.PERIOD, c.period());
  }

  /** {@code c} with other topic settings. */
  public static JobConfig withTopics(JobConfig c, org.marsad.topics.TopicSettings t) {
    SettingValues v =
        c.values()
            .with(TopicsSettings.K, t.k())
            .with(TopicsSettings.K_SWEEP, t.sweep())
            .with(TopicsSettings.VOCAB_SIZE, t.vocabSize())
            .with(TopicsSettings.MIN_DF, t.minDf())
            .with(TopicsSettings.MAX_DF, t.maxDf())
            .with(TopicsSettings.OPTIMIZER, t.optimizer())
            .with(TopicsSettings.MAX_ITER, t.maxIter())
            .with(TopicsSettings.SEED, t.seed())
            .with(TopicsSettings.SUBSAMPLING, t.subsampling())
            .with(TopicsSettings.MODEL, t.model());
    return JobConfig.of(v);
  }

  /** {@code c} reading other input into another output. */
  public static JobConfig withPaths(JobConfig c, String input, String output) {
    return c.with(LoadSettings.INPUT, List.of(input)).with(OutputSettings.OUTPUT, output);
  }

  /** Topic settings small enough for sample-sized test corpora (k = 5, 30 iterations). */
  public static org.marsad.topics.TopicSettings smallTopics() {
    org.marsad.topics.TopicSettings d = org.marsad.topics.TopicSettings.defaults();
    return new org.marsad.topics.TopicSettings(
        5, List.of(3, 5), d.vocabSize(), 2, d.maxDf(), d.optimizer(), 30, 7, 0.2, null);
  }

  /** Corpus options naming the date column explicitly. */
  public static CorpusOptions withDate(String dateCol) {
    CorpusOptions d = CorpusOptions.defaults();
    return new CorpusOptions(
        d.idCol(),
        d.textCol(),
        d.titleCol(),
        dateCol,
        d.sourceCol(),
        d.langCol(),
        d.urlCol(),
        false,
        true,
        false,
        false,
        false,
        List.of(),
        Period.MONTH,
        org.marsad.corpus.SlashOrder.DAY_FIRST);
  }

  /**
   * Reads an output table (a catalog table with its declared schema, which the test thereby also
   * checks: a column missing from the files reads as null).
   */
  public static Dataset<Row> table(String output, String name) {
    org.marsad.pipeline.Table t = org.marsad.catalog.Catalog.get(name);
    if (t == null) {
      return SharedSpark.get().read().parquet(Path.of(output, name).toString());
    }
    Dataset<Row> d = org.marsad.io.TableReader.read(SharedSpark.get(), output, t);
    if (d == null) {
      throw new IllegalStateException("no table " + name + " in " + output);
    }
    return d;
  }
}
