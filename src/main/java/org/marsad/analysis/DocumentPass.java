package org.marsad.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import org.marsad.boilerplate.Boilerplate;
import org.marsad.corpus.Period;
import org.marsad.text.LanguageCodes;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.TextCleaner;

/**
 * The per-row work of the analysis pass, in plain Java: checks the row, cleans its text and title,
 * parses its date, decides its language and analyses it once. The language is the value of the
 * language column when it names one ({@link LanguageCodes}: {@code Arabic}, {@code fra}, {@code
 * en-US}), else {@link LanguageIdentifier}'s ({@code ar fa ur en fr es de it tr pt nl}, or {@code
 * und}). Not thread-safe (one per task).
 */
public final class DocumentPass {

  private final PassSettings settings;
  private final boolean hasDate;
  private final DocumentAnalyzer analyzer;
  private final Period period;
  private final MessageDigest sha;
  private final LanguageIdentifier identifier = LanguageIdentifier.get();

  /**
   * The outcome of one row: a rejection reason with its detail, or the document's values.
   *
   * @param reason why the row is rejected, or null for a document
   * @param detail what exactly is wrong, or null
   * @param publishedAt the parsed date, or null
   * @param period the period label
   * @param lang the language
   * @param title the cleaned title, or null
   * @param textHash 16 bytes of the SHA-256 of the cleaned text
   * @param analysis the analysis
   */
  public record Outcome(
      String reason,
      String detail,
      Instant publishedAt,
      String period,
      String lang,
      String title,
      byte[] textHash,
      DocumentAnalyzer.Result analysis) {

    static Outcome rejected(String reason, String detail) {
      return new Outcome(reason, detail, null, null, null, null, null, null);
    }
  }

  /** A pass with {@code settings}; {@code hasDate} says whether the corpus has a date column. */
  public DocumentPass(PassSettings settings, boolean hasDate) {
    this(settings, hasDate, new DocumentAnalyzer(settings.analysis(), settings.extractors()));
  }

  /** A pass with another document analyser (tests). */
  DocumentPass(PassSettings settings, boolean hasDate, DocumentAnalyzer analyzer) {
    this.settings = settings;
    this.hasDate = hasDate;
    this.analyzer = analyzer;
    this.period = settings.corpus().period();
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Processes one input row. A document whose cleaning or analysis throws is rejected with reason
   * {@code analysis_error} and the exception's message: no document can fail a run.
   */
  public Outcome process(String id, String rawText, String rawTitle, String date, String rawLang) {
    return process(id, rawText, rawTitle, date, rawLang, "unknown");
  }

  /**
   * Processes one input row of {@code source}: its boilerplate lines ({@link
   * PassSettings#boilerplate}) are removed from the cleaned text before analysis.
   */
  public Outcome process(
      String id, String rawText, String rawTitle, String date, String rawLang, String source) {
    var o = settings.corpus();
    if (id == null || id.isEmpty()) {
      return Outcome.rejected("missing_id", "column '" + o.idCol() + "' is null or blank");
    }
    if (rawText == null) {
      return Outcome.rejected("missing_text", "column '" + o.textCol() + "' is null");
    }
    try {
      String text = TextCleaner.clean(rawText);
      if (text.isEmpty()) {
        return Outcome.rejected(
            "empty_text",
            "column '" + o.textCol() + "' is blank after cleaning (HTML, URLs, spaces)");
      }
      Boilerplate.Removal cut = settings.boilerplate().remove(source, text);
      if (cut.text().isEmpty()) {
        return Outcome.rejected(
            "empty_text",
            "column '"
                + o.textCol()
                + "' holds only boilerplate lines of source '"
                + source
                + "' ("
                + cut.removed()
                + " removed; see the manifest's boilerplate, or --boilerplate off)");
      }
      text = cut.text();
      String title = TextCleaner.clean(rawTitle);
      if (title != null && title.isEmpty()) {
        title = null;
      }
      Instant when = null;
      String label = Period.ALL;
      if (hasDate) {
        if (date == null || date.isBlank()) {
          return Outcome.rejected("missing_date", "column '" + o.dateCol() + "' is null or blank");
        }
        when = settings.dates().parse(date);
        if (when == null) {
          return Outcome.rejected(
              "bad_date",
              "cannot parse '"
                  + date
                  + "' in column '"
                  + o.dateCol()
                  + "'; add a pattern with --date-format");
        }
        label = period.label(when);
      }
      String lang = normalizeLang(rawLang);
      if (lang == null) {
        lang = identifier.identify(title, text);
      }
      DocumentAnalyzer.Result a = analyzer.analyze(lang, title, text);
      return new Outcome(null, null, when, label, lang, title, hash(text), a);
    } catch (RuntimeException | StackOverflowError e) {
      String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      String detail = "analysis failed: " + e.getClass().getSimpleName() + ": " + m;
      return Outcome.rejected(
          "analysis_error", detail.length() > 500 ? detail.substring(0, 500) : detail);
    }
  }

  private byte[] hash(String text) {
    sha.reset();
    return Arrays.copyOf(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 16);
  }

  /**
   * Maps language values such as {@code Arabic}, {@code ara}, {@code en-US}, {@code français},
   * {@code فارسی} to ISO 639-1 codes, else null (the language is then identified).
   */
  static String normalizeLang(String lang) {
    return LanguageCodes.normalize(lang);
  }
}
