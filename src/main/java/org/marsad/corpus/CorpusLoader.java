package org.marsad.corpus;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.storage.StorageLevel;
import org.marsad.text.Analysis;
import org.marsad.text.DocumentTerms;
import org.marsad.text.LanguageDetector;
import org.marsad.text.TextCleaner;
import org.marsad.text.Token;

/**
 * Turns a raw input table with the publisher's column names into Marsad's documents: maps the
 * columns, cleans the text, parses dates into periods, detects the language, analyses title and
 * body, flags exact duplicate texts, and diverts every row it cannot accept into {@code rejected}
 * with a reason (so rows in = documents + rejected).
 */
public final class CorpusLoader {

  /** Columns the reader adds to identify each input row (file and row index). */
  public static final String FILE_COL = "__marsad_file";

  /** Row index of the input row within its file. */
  public static final String ROW_COL = "__marsad_row";

  private static final StructType PREPARED =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("text", DataTypes.StringType, true),
            DataTypes.createStructField("title", DataTypes.StringType, true),
            DataTypes.createStructField("published_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("period", DataTypes.StringType, true),
            DataTypes.createStructField("lang", DataTypes.StringType, true),
            DataTypes.createStructField("date_error", DataTypes.StringType, true)
          });

  /** The per-document analysis arrays kept with each accepted document. */
  public static final StructType ANALYSIS =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("n_tokens", DataTypes.IntegerType, false),
            DataTypes.createStructField(
                "terms",
                DataTypes.createArrayType(
                    new StructType()
                        .add("term", DataTypes.StringType, false)
                        .add("n", DataTypes.IntegerType, false),
                    false),
                false),
            DataTypes.createStructField(
                "forms",
                DataTypes.createArrayType(
                    new StructType()
                        .add("term", DataTypes.StringType, false)
                        .add("form", DataTypes.StringType, false)
                        .add("n", DataTypes.IntegerType, false),
                    false),
                false),
            DataTypes.createStructField(
                "bigrams",
                DataTypes.createArrayType(
                    new StructType()
                        .add("a", DataTypes.StringType, false)
                        .add("b", DataTypes.StringType, false)
                        .add("form", DataTypes.StringType, false)
                        .add("n", DataTypes.IntegerType, false),
                    false),
                false)
          });

  private CorpusLoader() {}

  /**
   * Checks that the columns named in {@code options} exist in {@code schema}.
   *
   * @throws IllegalArgumentException naming the missing column, the available ones and the option
   */
  public static void checkColumns(StructType schema, CorpusOptions options) {
    List<String> available = new ArrayList<>(Arrays.asList(schema.fieldNames()));
    available.remove(FILE_COL);
    available.remove(ROW_COL);
    requireColumn(available, options.idCol(), "--id-col");
    requireColumn(available, options.textCol(), "--text-col");
    if (options.titleColSet()) {
      requireColumn(available, options.titleCol(), "--title-col");
    }
    if (options.dateColSet()) {
      requireColumn(available, options.dateCol(), "--date-col");
    }
    if (options.sourceColSet()) {
      requireColumn(available, options.sourceCol(), "--source-col");
    }
    if (options.langColSet()) {
      requireColumn(available, options.langCol(), "--lang-col");
    }
  }

  private static void requireColumn(List<String> available, String name, String option) {
    if (!available.contains(name)) {
      throw new IllegalArgumentException(
          "Cannot read corpus: no column '"
              + name
              + "'; available: "
              + available
              + "; set "
              + option);
    }
  }

  /**
   * Loads {@code raw} (as read by the corpus reader, with file and row columns) into a corpus.
   * Lazy: nothing runs until the caller writes or counts.
   */
  public static Corpus load(Dataset<Row> raw, CorpusOptions options, Analysis analysis) {
    StructType schema = raw.schema();
    checkColumns(schema, options);
    List<String> names = Arrays.asList(schema.fieldNames());
    boolean hasTitle = names.contains(options.titleCol());
    boolean hasDate = names.contains(options.dateCol());
    boolean hasSource = names.contains(options.sourceCol());
    boolean hasLang = names.contains(options.langCol());

    List<Column> originals = new ArrayList<>();
    for (String n : names) {
      if (!n.equals(FILE_COL) && !n.equals(ROW_COL)) {
        originals.add(col(quote(n)));
      }
    }
    Column dateStr = lit(null).cast("string");
    if (hasDate) {
      DataType t = schema.apply(options.dateCol()).dataType();
      Column c = col(quote(options.dateCol()));
      dateStr =
          (t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof DateType)
              ? functions.date_format(c.cast("timestamp"), "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
              : c.cast("string");
    }
    Dataset<Row> mapped =
        raw.select(
            trim(col(quote(options.idCol())).cast("string")).as("doc_id"),
            col(quote(options.textCol())).cast("string").as("raw_text"),
            (hasTitle ? col(quote(options.titleCol())).cast("string") : lit(null).cast("string"))
                .as("raw_title"),
            dateStr.as("raw_date"),
            (hasSource
                    ? coalesce(
                        nullif(trim(col(quote(options.sourceCol())).cast("string")), lit("")),
                        lit("unknown"))
                    : lit("unknown"))
                .as("source"),
            (hasLang ? col(quote(options.langCol())).cast("string") : lit(null).cast("string"))
                .as("raw_lang"),
            struct(originals.toArray(new Column[0])).as("orig"),
            col(FILE_COL),
            col(ROW_COL));

    DateParser dates = options.dateParser(); // trust: carries the corpus's slash-date order
    Period period = options.period();
    String dateCol = options.dateCol();
    UserDefinedFunction prepare =
        functions.udf(
            (UDF4<String, String, String, String, Row>)
                (text, title, date, lang) ->
                    prepare(text, title, date, lang, hasDate, dateCol, dates, period),
            PREPARED);

    Dataset<Row> prepared =
        mapped
            .withColumn(
                "p",
                prepare.apply(col("raw_text"), col("raw_title"), col("raw_date"), col("raw_lang")))
            .select(
                col("doc_id"),
                col("source"),
                col("raw_text"),
                col("raw_date"),
                col("p.*"),
                col("orig"),
                col(FILE_COL),
                col(ROW_COL));

    String textCol = options.textCol();
    Column reason =
        when(col("doc_id").isNull().or(col("doc_id").equalTo("")), lit("missing_id"))
            .when(col("raw_text").isNull(), lit("missing_text"))
            .when(col("text").equalTo(""), lit("empty_text"))
            .when(col("date_error").isNotNull(), col("date_error"));
    Column detail =
        when(
                col("doc_id").isNull().or(col("doc_id").equalTo("")),
                lit("column '" + options.idCol() + "' is null or blank"))
            .when(col("raw_text").isNull(), lit("column '" + textCol + "' is null"))
            .when(
                col("text").equalTo(""),
                lit("column '" + textCol + "' is blank after cleaning (HTML, URLs, spaces)"))
            .when(
                col("date_error").equalTo("missing_date"),
                lit("column '" + dateCol + "' is null or blank"))
            .when(
                col("date_error").isNotNull(),
                concat(
                    lit("cannot parse '"),
                    col("raw_date"),
                    lit("' in column '" + dateCol + "'; add a pattern with --date-format")));
    // Cached: cleaning and date parsing run once, for the duplicate checks and both outputs.
    Dataset<Row> classified =
        prepared
            .withColumn("reason", reason)
            .withColumn("detail", detail)
            .withColumn("text_hash", when(col("reason").isNull(), sha2(col("text"), 256)))
            .drop("raw_date", "raw_text")
            .persist(StorageLevel.MEMORY_AND_DISK());

    // Among otherwise valid rows, the first occurrence of an id (in input order) wins. Only the
    // ids that repeat are collected (a small table, joined back by broadcast when it fits), so
    // the article texts are never shuffled for this.
    Column order = struct(col(FILE_COL), col(ROW_COL));
    Dataset<Row> repeatedIds =
        classified
            .filter(col("reason").isNull())
            .groupBy("doc_id")
            .agg(min(order).as("first_row"), count(lit(1)).as("n"))
            .filter(col("n").gt(1))
            .select(col("doc_id").as("dup_id"), col("first_row"));
    Dataset<Row> ranked =
        classified
            .join(repeatedIds, classified.col("doc_id").equalTo(repeatedIds.col("dup_id")), "left")
            .withColumn(
                "is_dup",
                col("reason")
                    .isNull()
                    .and(col("first_row").isNotNull())
                    .and(order.notEqual(col("first_row"))));
    Column dupReason = when(col("is_dup"), lit("duplicate_id")).otherwise(col("reason"));
    Column dupDetail =
        when(col("is_dup"), lit("id already used by an earlier row; the first occurrence is kept"))
            .otherwise(col("detail"));
    Dataset<Row> all =
        ranked
            .withColumn("reason", dupReason)
            .withColumn("detail", dupDetail)
            .withColumn("text_hash", when(col("reason").isNull(), col("text_hash")))
            .drop("dup_id", "first_row", "is_dup");

    Dataset<Row> rejected =
        all.filter(col("reason").isNotNull())
            .select(col("doc_id"), col("reason"), col("detail"), to_json(col("orig")).as("raw"));

    // Exact duplicate texts: the first document (in input order) with a text is the original.
    Dataset<Row> valid = all.filter(col("reason").isNull());
    Dataset<Row> repeatedTexts =
        valid
            .groupBy("text_hash")
            .agg(
                min(struct(col(FILE_COL), col(ROW_COL), col("doc_id"))).as("first"),
                count(lit(1)).as("n"))
            .filter(col("n").gt(1))
            .select(col("text_hash").as("dup_hash"), col("first.doc_id").as("first_id"));
    Dataset<Row> accepted =
        valid
            .join(
                repeatedTexts,
                valid.col("text_hash").equalTo(repeatedTexts.col("dup_hash")),
                "left")
            .withColumn(
                "duplicate_of", when(col("first_id").notEqual(col("doc_id")), col("first_id")))
            .drop("first_id", "dup_hash", "text_hash");

    UserDefinedFunction analyze =
        functions.udf(
            (UDF3<String, String, String, Row>)
                (lang, title, text) -> analyze(analysis, lang, title, text),
            ANALYSIS);
    Dataset<Row> documents =
        accepted
            .withColumn("a", analyze.apply(col("lang"), col("title"), col("text")))
            .select(
                col("doc_id"),
                col("source"),
                col("published_at"),
                col("period"),
                col("lang"),
                col("title"),
                col("a.n_tokens").as("n_tokens"),
                col("duplicate_of"),
                col("text"),
                col("a.terms").as("terms"),
                col("a.forms").as("forms"),
                col("a.bigrams").as("bigrams"));
    return new Corpus(documents, rejected, classified);
  }

  static Row prepare(
      String text,
      String title,
      String date,
      String lang,
      boolean hasDate,
      String dateCol,
      DateParser dates,
      Period period) {
    String cleanText = TextCleaner.clean(text);
    String cleanTitle = TextCleaner.clean(title);
    if (cleanTitle != null && cleanTitle.isEmpty()) {
      cleanTitle = null;
    }
    Timestamp ts = null;
    String label = Period.ALL;
    String error = null;
    if (hasDate) {
      if (date == null || date.isBlank()) {
        error = "missing_date";
      } else {
        Instant i = dates.parse(date);
        if (i == null) {
          error = "bad_date";
        } else {
          ts = Timestamp.from(i);
          label = period.label(i);
        }
      }
    }
    String l = normalizeLang(lang);
    if (l == null && cleanText != null) {
      l = LanguageDetector.detect(cleanTitle == null ? cleanText : cleanTitle + "\n" + cleanText);
    }
    return RowFactory.create(cleanText, cleanTitle, ts, label, l == null ? "ar" : l, error);
  }

  /**
   * Maps language values such as {@code Arabic}, {@code ara}, {@code en-US} to ar/en, else null.
   */
  static String normalizeLang(String lang) {
    if (lang == null) {
      return null;
    }
    String s = lang.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("ar") || s.equals("عربي") || s.equals("العربية")) {
      return "ar";
    }
    if (s.startsWith("en")) {
      return "en";
    }
    return null;
  }

  static Row analyze(Analysis analysis, String lang, String title, String text) {
    var analyzer = analysis.forLanguage(lang);
    List<List<Token>> fields = new ArrayList<>(2);
    if (title != null) {
      fields.add(analyzer.analyze(title));
    }
    if (text != null) {
      fields.add(analyzer.analyze(text));
    }
    DocumentTerms d = DocumentTerms.of(fields);
    List<Row> terms = new ArrayList<>(d.terms().size());
    for (DocumentTerms.TermCount t : d.terms()) {
      terms.add(RowFactory.create(t.term(), t.n()));
    }
    List<Row> forms = new ArrayList<>(d.forms().size());
    for (DocumentTerms.FormCount f : d.forms()) {
      forms.add(RowFactory.create(f.term(), f.form(), f.n()));
    }
    List<Row> bigrams = new ArrayList<>(d.bigrams().size());
    for (DocumentTerms.Bigram b : d.bigrams()) {
      bigrams.add(RowFactory.create(b.a(), b.b(), b.form(), b.n()));
    }
    return RowFactory.create(d.nTokens(), terms, forms, bigrams);
  }

  /** Quotes a column name for {@code col()} so names with dots or spaces work. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
