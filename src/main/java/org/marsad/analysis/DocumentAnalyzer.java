package org.marsad.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.marsad.pipeline.Extractor;
import org.marsad.pipeline.PassDoc;
import org.marsad.text.Analysis;
import org.marsad.text.Field;
import org.marsad.text.Token;

/**
 * The per-document work of the analysis pass, in plain Java: each field is tokenised once, the
 * language's analyser keeps its tokens, and every capability's extractor reads the same tokens in
 * turn (the states named are handed from the states extractor to those after it). It imports no
 * capability: the extractors come from the run's settings.
 */
public class DocumentAnalyzer {

  private final Analysis analysis;
  private final List<Extractor> extractors = new ArrayList<>();
  private final List<String> columns = new ArrayList<>();

  /**
   * An analyser with the given analysis settings running {@code factories}' extractors in order.
   * Not thread-safe: one per task.
   */
  public DocumentAnalyzer(Analysis analysis, List<Extractor.Factory> factories) {
    this.analysis = analysis;
    for (Extractor.Factory f : factories) {
      extractors.add(f.create());
      for (StructField c : f.columns()) {
        columns.add(c.name());
      }
    }
  }

  /**
   * The analysis of one document.
   *
   * @param tokens kept tokens (stop words out), title and body
   * @param sentences sentences, title and body
   * @param values the extractors' column values, in the order of their columns
   * @param columns the names of those columns
   */
  public record Result(int tokens, int sentences, Object[] values, List<String> columns) {

    /** The value of the extractor column {@code name}, or null. */
    public Object value(String name) {
      int i = columns.indexOf(name);
      return i < 0 ? null : values[i];
    }

    /** The term counts blob ({@code terms} column), or null. */
    public byte[] terms() {
      return (byte[]) value("terms");
    }

    /** The mentions blob ({@code mentions} column), or null. */
    public byte[] mentions() {
      return (byte[]) value("mentions");
    }

    /** The story fingerprint ({@code fingerprint} column), or null. */
    public byte[] fingerprint() {
      return (byte[]) value("fingerprint");
    }

    /** The values by column name. */
    public Map<String, Object> byColumn() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        m.put(columns.get(i), values[i]);
      }
      return m;
    }
  }

  /**
   * Longest term: a longer unbroken run of letters (base64, a pasted hash, a mangled URL) is no
   * word a reader counts, and would not fit a database index.
   */
  public static final int MAX_TERM_CHARS = 100;

  private static List<Token> terms(List<Token> tokens) {
    for (Token x : tokens) {
      if (x.term().length() > MAX_TERM_CHARS) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token y : tokens) {
          if (y.term().length() <= MAX_TERM_CHARS) {
            out.add(y);
          }
        }
        return out;
      }
    }
    return tokens;
  }

  /**
   * Analyses a document of language {@code lang} with cleaned {@code title} (nullable) and text.
   */
  public Result analyze(String lang, String title, String text) {
    Field t = Field.of(title);
    Field b = Field.of(text);
    var analyzer = analysis.forLanguage(lang);
    List<List<Token>> kept = List.of(terms(analyzer.analyze(t)), terms(analyzer.analyze(b)));
    PassDoc doc = new PassDoc(lang, t, b, kept);
    Object[] values = new Object[columns.size()];
    int at = 0;
    for (Extractor e : extractors) {
      Object[] v = e.extract(doc);
      System.arraycopy(v, 0, values, at, v.length);
      at += v.length;
    }
    return new Result(doc.keptTokens(), doc.sentences(), values, columns);
  }
}
