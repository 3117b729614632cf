package org.marsad.bench;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.marsad.text.Analysis;
import org.marsad.text.LanguageIdentifier;
import org.marsad.text.ScriptProfile;
import org.marsad.text.TextAnalyzer;
import org.marsad.text.TextCleaner;

/**
 * Benchmark of language identifiers on short news texts: accuracy per language on a title alone,
 * title + first 300 chars and the full article, single-thread docs/s, heap after loading and load
 * time, for Lingua (low and high accuracy), Optimaize, OpenNLP's model (as shipped by Tika) and
 * script-first combinations of them, {@link LanguageIdentifier} among them.
 *
 * <p>Data: our own texts ({@code src/test/resources/langid/*.tsv}), a sample of ANT and JawharaFM
 * (Arabic) and Reuters-21578 (English) from {@code ../shared/corpora}, and with {@code --testdata
 * DIR} a local copy of Lingua's language-testdata ({@code sentences/xx.txt}, {@code
 * word-pairs/xx.txt}; never committed). {@code --arabic-all} also runs the Arabic-script decision
 * on every ANT and JawharaFM document and prints the confusion.
 *
 * <p>Usage: {@code LanguageIdBench [--shared DIR] [--testdata DIR] [--sample N] [--per-lang N]
 * [--only name,...] [--arabic-all] [--analysis] [--profile]}
 */
public final class LanguageIdBench {

  static final List<String> ARABIC_SCRIPT = List.of("ar", "fa", "ur");
  static final List<String> LATIN = List.of("en", "fr", "es", "de", "it", "tr", "pt", "nl");
  static final List<String> ALL = concat(ARABIC_SCRIPT, LATIN);

  /** Languages outside our set whose texts must come back as {@code und}. */
  static final List<String> UNKNOWN =
      List.of(
          "pl", "sv", "id", "ro", "ca", "cs", "hu", "af", "da", "nb", "et", "eu", "fi", "ga", "hr",
          "is", "la", "lt", "lv", "ms", "sk", "sl", "sq", "sw", "tl", "vi", "eo", "bs", "az", "cy",
          "ru", "zh", "hi");

  static final String UND = LanguageIdentifier.UNDETERMINED;

  static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** One line of the summary table. */
  record Row(
      String name, double loadMs, double heapMb, Map<String, double[]> views, String arabic) {}

  static final List<Row> SUMMARY = new ArrayList<>();

  private LanguageIdBench() {}

  /** A text with its true language; {@code lang} is {@code und} for languages outside our set. */
  record Doc(String lang, String source, String title, String text) {}

  /** One evaluation: inputs derived from documents (a title alone, a prefix, the whole text). */
  record View(String name, List<Doc> docs) {}

  /** A detector under test: returns an ISO 639-1 code of our set or {@code und}. */
  interface Detector {
    String detect(String title, String text);
  }

  record Candidate(String name, Supplier<Detector> factory) {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    Path shared = Path.of(opt.getOrDefault("shared", "../shared"));
    int sample = Integer.parseInt(opt.getOrDefault("sample", "500"));
    int perLang = Integer.parseInt(opt.getOrDefault("per-lang", "300"));

    List<Doc> own = ownTexts(Path.of("src/test/resources/langid"));
    List<Doc> ant = corpus(shared, "ant-multisource", "ar", "title", "text", -1);
    List<Doc> jawhara = corpus(shared, "jawharafm", "ar", "title", "text", -1);
    List<Doc> reuters = corpus(shared, "reuters21578-train", "en", "title", "body", -1);
    List<Doc> corpora = new ArrayList<>();
    corpora.addAll(sampleOf(ant, sample, 1));
    corpora.addAll(sampleOf(jawhara, sample, 2));
    corpora.addAll(sampleOf(reuters, 2 * sample, 3));

    List<View> views = new ArrayList<>();
    List<Doc> shortDocs = new ArrayList<>();
    shortDocs.addAll(own);
    shortDocs.addAll(corpora);
    views.add(new View("title", map(shortDocs, d -> new Doc(d.lang, d.source, d.title, ""))));
    views.add(
        new View(
            "title+300",
            map(shortDocs, d -> new Doc(d.lang, d.source, d.title, prefix(d.text, 300)))));
    views.add(new View("full", shortDocs));
    // the same documents by script, for the cost per document of each path
    views.add(
        new View(
            "full ar-script",
            shortDocs.stream().filter(d -> ARABIC_SCRIPT.contains(d.lang)).toList()));
    views.add(
        new View("full latin", shortDocs.stream().filter(d -> LATIN.contains(d.lang)).toList()));
    if (opt.containsKey("testdata")) {
      Path td = Path.of(opt.get("testdata"));
      views.add(new View("lt-sentence", testdata(td.resolve("sentences"), perLang)));
      views.add(new View("lt-wordpair", testdata(td.resolve("word-pairs"), perLang)));
      views.add(new View("lt-4sentences", joined(testdata(td.resolve("sentences"), 800), 4)));
    }
    System.out.printf(
        Locale.ROOT,
        "data: own=%d ant=%d jawhara=%d reuters=%d (sampled %d); views=%s%n",
        own.size(),
        ant.size(),
        jawhara.size(),
        reuters.size(),
        corpora.size(),
        views.stream().map(v -> v.name + ":" + v.docs.size()).toList());

    if (opt.containsKey("profile")) {
      profile(own, ant, jawhara, views);
    }

    int prefix =
        Integer.parseInt(
            opt.getOrDefault("prefix", String.valueOf(LanguageIdentifier.DEFAULT_PREFIX)));
    Set<String> only =
        opt.containsKey("only") ? Set.of(opt.get("only").split(",")) : Collections.emptySet();
    List<Doc> arabic = new ArrayList<>(ant);
    arabic.addAll(jawhara);
    for (Candidate c : candidates(prefix)) {
      if (!only.isEmpty() && !only.contains(c.name)) {
        continue;
      }
      Detector d = run(c, views);
      // Lingua's high-accuracy mode takes minutes on 41,686 whole articles; it is left out.
      if (opt.containsKey("arabic-all") && !c.name.equals("lingua-high")) {
        String confusion = arabicConfusion(c.name, d, arabic);
        Row r = SUMMARY.remove(SUMMARY.size() - 1);
        SUMMARY.add(new Row(r.name, r.loadMs, r.heapMb, r.views, confusion));
      }
    }
    printSummary(views);
    if (opt.containsKey("analysis")) {
      for (View v : views) {
        if (v.name.startsWith("full ")) {
          analysisCost(v);
        }
      }
    }
  }

  /**
   * CPU time per document of the analysis that follows identification (the analyser of the
   * document's language as the terms stage runs it today: Arabic for Arabic script, English for
   * Latin), on the same documents: what identification must cost little next to.
   */
  static void analysisCost(View v) {
    Analysis analysis = Analysis.defaults();
    long sink = 0;
    for (int round = 0; round < 2; round++) { // round 0 warms up
      long bytes = 0;
      long s0 = CPU.getCurrentThreadCpuTime();
      for (Doc d : v.docs) {
        TextAnalyzer a = analysis.forLanguage(ARABIC_SCRIPT.contains(d.lang) ? "ar" : "en");
        sink += a.analyze(d.title).size() + a.analyze(d.text).size();
        bytes += utf8(d.title) + utf8(d.text);
      }
      double secs = (CPU.getCurrentThreadCpuTime() - s0) / 1e9;
      if (round == 1) {
        System.out.printf(
            Locale.ROOT,
            "analysis of %s: %.1f µs/doc, %.1f MB/s (CPU time; %d tokens)%n",
            v.name,
            1e6 * secs / v.docs.size(),
            bytes / secs / 1e6,
            sink);
      }
    }
  }

  /** The markdown table of docs/language-identification.md. */
  static void printSummary(List<View> views) {
    StringBuilder h = new StringBuilder("| detector | load ms | heap MB |");
    StringBuilder sep = new StringBuilder("|---|---:|---:|");
    for (View v : views) {
      if (!v.name.startsWith("full ")) {
        h.append(" ").append(v.name).append(v.name.startsWith("lt-") ? " ours / und |" : " |");
        sep.append("---:|");
      }
    }
    h.append(
        " docs/s title+300 | docs/s full | µs/doc ar-script | µs/doc latin | ANT+Jawhara not ar |");
    sep.append("---:|---:|---:|---:|---|");
    System.out.println();
    System.out.println(h);
    System.out.println(sep);
    for (Row r : SUMMARY) {
      StringBuilder sb =
          new StringBuilder(
              String.format(Locale.ROOT, "| %s | %.0f | %.1f |", r.name, r.loadMs, r.heapMb));
      for (View v : views) {
        double[] x = r.views.get(v.name);
        if (v.name.startsWith("lt-")) {
          sb.append(String.format(Locale.ROOT, " %.1f / %.1f |", x[2], x[3]));
        } else if (!v.name.startsWith("full ")) {
          sb.append(String.format(Locale.ROOT, " %.1f |", x[0]));
        }
      }
      sb.append(
          String.format(
              Locale.ROOT,
              " %.0f | %.0f | %.1f | %.1f | %s |",
              r.views.get("title+300")[1],
              r.views.get("full")[1],
              1e6 / r.views.get("full ar-script")[1],
              1e6 / r.views.get("full latin")[1],
              r.arabic.isEmpty() ? "not run" : r.arabic));
      System.out.println(sb);
    }
  }

  // ---------------------------------------------------------------- candidates

  static List<Candidate> candidates(int prefix) {
    List<Candidate> out = new ArrayList<>();
    // the detectors alone, restricted to our 11 languages, on the whole input
    out.add(new Candidate("lingua-low", () -> lingua(ALL, false)));
    out.add(new Candidate("lingua-high", () -> lingua(ALL, true)));
    out.add(new Candidate("optimaize", () -> optimaize(ALL, Set.of())));
    out.add(new Candidate("opennlp", () -> openNlp(ALL)));
    // script first on a prefix: Arabic script by letters only or by a detector, Latin by a detector
    out.add(
        new Candidate(
            "script: letters | lingua-low", () -> scriptFirst(null, lingua(LATIN, false), prefix)));
    out.add(
        new Candidate(
            "script: lingua-low | lingua-low",
            () -> scriptFirst(lingua(ARABIC_SCRIPT, false), lingua(LATIN, false), prefix)));
    out.add(
        new Candidate(
            "script: letters | optimaize",
            () -> scriptFirst(null, optimaize(LATIN, Set.of()), prefix)));
    out.add(
        new Candidate(
            "script: optimaize | optimaize",
            () ->
                scriptFirst(
                    optimaize(ARABIC_SCRIPT, Set.of()), optimaize(LATIN, Set.of()), prefix)));
    // the chosen design: letters, Optimaize when they mix | function words, else Optimaize with
    // the other Latin languages it knows (which give und)
    out.add(new Candidate("LanguageIdentifier", () -> identifier(prefix, true, true)));
    out.add(
        new Candidate(
            "LanguageIdentifier no function words", () -> identifier(prefix, true, false)));
    out.add(
        new Candidate("LanguageIdentifier no other Latin", () -> identifier(prefix, false, true)));
    out.add(new Candidate("LanguageIdentifier prefix 200", () -> identifier(200, true, true)));
    out.add(new Candidate("LanguageIdentifier prefix 1000", () -> identifier(1000, true, true)));
    return out;
  }

  static Detector identifier(int prefix, boolean otherLatin, boolean functionWords) {
    LanguageIdentifier id =
        LanguageIdentifier.of(LanguageIdentifier.supported(), prefix, otherLatin, functionWords);
    return id::identify;
  }

  /** Lingua restricted to {@code langs}, every model preloaded. */
  static Detector lingua(List<String> langs, boolean high) {
    Language[] ls =
        langs.stream()
            .map(
                l ->
                    Language.Companion.getByIsoCode639_1(
                        IsoCode639_1.valueOf(l.toUpperCase(Locale.ROOT))))
            .toArray(Language[]::new);
    var b =
        com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromLanguages(ls)
            .withPreloadedLanguageModels();
    if (!high) {
      b = b.withLowAccuracyMode();
    }
    com.github.pemistahl.lingua.api.LanguageDetector d = b.build();
    return (title, text) -> {
      Language l = d.detectLanguageOf(join(title, text));
      return l == Language.UNKNOWN ? UND : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Optimaize with the built-in profiles of {@code langs} and {@code decoys} (mapped to und). */
  static Detector optimaize(List<String> langs, Set<String> decoys) {
    List<LdLocale> locales = new ArrayList<>();
    for (String l : langs) {
      locales.add(LdLocale.fromString(l));
    }
    for (String l : decoys) {
      locales.add(LdLocale.fromString(l));
    }
    List<LanguageProfile> profiles;
    try {
      profiles = new LanguageProfileReader().readBuiltIn(locales);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    com.optimaize.langdetect.LanguageDetector d =
        com.optimaize.langdetect.LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(profiles)
            .build();
    Set<String> ours = Set.copyOf(langs);
    // Texts are cleaned already (TextCleaner removes URLs and markup), so no TextObjectFactory;
    // lower case because the profiles are of lower-case text (Reuters titles are upper case).
    // The best-ranked language: detect() would say absent below 0.9999, which is most titles.
    return (title, text) -> {
      var ranked = d.getProbabilities(join(title, text).toLowerCase(Locale.ROOT));
      if (ranked.isEmpty()) {
        return UND;
      }
      String l = ranked.get(0).getLocale().getLanguage();
      return ours.contains(l) ? l : UND;
    };
  }

  static final Map<String, String> OPENNLP_CODES =
      Map.ofEntries(
          Map.entry("ara", "ar"),
          Map.entry("pes", "fa"),
          Map.entry("fas", "fa"),
          Map.entry("urd", "ur"),
          Map.entry("eng", "en"),
          Map.entry("fra", "fr"),
          Map.entry("spa", "es"),
          Map.entry("deu", "de"),
          Map.entry("ita", "it"),
          Map.entry("tur", "tr"),
          Map.entry("por", "pt"),
          Map.entry("nld", "nl"));

  /** OpenNLP's model: the best-scored language of {@code langs}. */
  static Detector openNlp(List<String> langs) {
    LanguageDetectorModel model;
    try (InputStream in =
        LanguageIdBench.class
            .getClassLoader()
            .getResourceAsStream("opennlp-langdetect-20210413.bin")) {
      model = new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LanguageDetectorME me = new LanguageDetectorME(model);
    Set<String> ours = Set.copyOf(langs);
    return (title, text) -> {
      for (opennlp.tools.langdetect.Language l : me.predictLanguages(join(title, text))) {
        String code = OPENNLP_CODES.get(l.getLang());
        if (code != null && ours.contains(code)) {
          return code;
        }
      }
      return UND;
    };
  }

  /**
   * Script first: Arabic-script texts go to {@code arabic} (null: decided by letters alone), Latin
   * texts to {@code latin}, both on a prefix of {@code limit} chars; other scripts are und.
   */
  static Detector scriptFirst(Detector arabic, Detector latin, int limit) {
    return (title, text) -> {
      ScriptProfile p = ScriptProfile.of(title, text, limit);
      if (p.letters() < LanguageIdentifier.MIN_LETTERS) {
        return UND;
      }
      switch (p.script()) {
        case ARABIC:
          return arabic == null
              ? LanguageIdentifier.arabicScriptByLetters(p)
              : arabic.detect(title, prefix(text, limit - len(title)));
        case LATIN:
          return latin.detect(title, prefix(text, limit - len(title)));
        default:
          return UND;
      }
    };
  }

  // ---------------------------------------------------------------- measuring

  static Detector run(Candidate c, List<View> views0) {
    long before = usedHeap();
    long t0 = System.nanoTime();
    Detector d = c.factory.get();
    d.detect("warm", "up"); // loads lazily built parts, if any
    double loadMs = (System.nanoTime() - t0) / 1e6;
    long heap = usedHeap() - before;
    System.out.printf(
        Locale.ROOT,
        "%n## %s: load %.0f ms, heap after loading %.1f MB%n",
        c.name,
        loadMs,
        heap / 1e6);
    Map<String, double[]> views = new LinkedHashMap<>();
    for (View v : views0) {
      // warm-up pass (JIT), then the timed pass, one thread
      for (int i = 0; i < Math.min(v.docs.size(), 2000); i++) {
        Doc doc = v.docs.get(i);
        d.detect(doc.title, doc.text);
      }
      String[] got = new String[v.docs.size()];
      long bytes = 0;
      // thread CPU time, not wall time: the machine is shared with other builds
      long s0 = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < got.length; i++) {
        Doc doc = v.docs.get(i);
        got[i] = d.detect(doc.title, doc.text);
      }
      double secs = (CPU.getCurrentThreadCpuTime() - s0) / 1e9;
      for (Doc doc : v.docs) {
        bytes += utf8(doc.title) + utf8(doc.text);
      }
      Map<String, int[]> per = new TreeMap<>();
      Map<String, Map<String, Integer>> confusion = new TreeMap<>();
      int ok = 0;
      for (int i = 0; i < got.length; i++) {
        Doc doc = v.docs.get(i);
        int[] a = per.computeIfAbsent(doc.lang, k -> new int[2]);
        a[1]++;
        if (doc.lang.equals(got[i])) {
          a[0]++;
          ok++;
        } else {
          confusion.computeIfAbsent(doc.lang, k -> new TreeMap<>()).merge(got[i], 1, Integer::sum);
        }
      }
      StringBuilder sb = new StringBuilder();
      for (var e : per.entrySet()) {
        sb.append(
            String.format(
                Locale.ROOT, " %s=%.1f", e.getKey(), 100.0 * e.getValue()[0] / e.getValue()[1]));
      }
      System.out.printf(
          Locale.ROOT,
          "%-12s n=%5d acc=%5.1f%% docs/s=%9.0f (%.1f MB/s of UTF-8 input, CPU time) |%s%n",
          v.name,
          got.length,
          100.0 * ok / got.length,
          got.length / secs,
          bytes / secs / 1e6,
          sb);
      System.out.printf(Locale.ROOT, "%-12s   errors: %s%n", "", confusion);
      int ours = 0;
      int oursOk = 0;
      for (int i = 0; i < got.length; i++) {
        if (!UND.equals(v.docs.get(i).lang)) {
          ours++;
          oursOk += v.docs.get(i).lang.equals(got[i]) ? 1 : 0;
        }
      }
      int[] und = per.getOrDefault(UND, new int[] {0, 0});
      views.put(
          v.name,
          new double[] {
            100.0 * ok / got.length,
            got.length / secs,
            100.0 * oursOk / Math.max(1, ours),
            und[1] == 0 ? Double.NaN : 100.0 * und[0] / und[1]
          });
    }
    SUMMARY.add(new Row(c.name, loadMs, heap / 1e6, views, ""));
    System.out.printf(Locale.ROOT, "heap still held by %s: %.1f MB%n", c.name, heldBy(d, before));
    return d;
  }

  /** Keeps {@code d} reachable until the heap is measured. */
  static double heldBy(Detector d, long before) {
    double mb = (usedHeap() - before) / 1e6;
    if (d.hashCode() == 42) {
      System.out.print("");
    }
    return mb;
  }

  /** Runs {@code d} on every Arabic document; returns the count of those not called Arabic. */
  static String arabicConfusion(String name, Detector d, List<Doc> arabic) {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (Doc doc : arabic) {
      String l = d.detect(doc.title, doc.text);
      counts.merge(l, 1, Integer::sum);
      if (!"ar".equals(l) && examples.size() < 10) {
        examples.add(l + " <- [" + doc.source + "] " + prefix(join(doc.title, doc.text), 90));
      }
    }
    System.out.printf(
        Locale.ROOT, "all %d ANT+JawharaFM documents, %s: %s%n", arabic.size(), name, counts);
    examples.forEach(e -> System.out.println("   " + e.replace('\n', ' ')));
    int notAr = arabic.size() - counts.getOrDefault("ar", 0);
    StringBuilder sb = new StringBuilder(String.valueOf(notAr));
    counts.forEach(
        (k, v) -> {
          if (!"ar".equals(k)) {
            sb.append(sb.indexOf("(") < 0 ? " (" : ", ").append(k).append(' ').append(v);
          }
        });
    return notAr == 0 ? "0" : sb.append(')').toString();
  }

  /** Letter ratios of the Arabic-script texts, to choose the thresholds of the letter rule. */
  static void profile(List<Doc> own, List<Doc> ant, List<Doc> jawhara, List<View> views) {
    Map<String, List<Doc>> groups = new LinkedHashMap<>();
    groups.put("ant", ant);
    groups.put("jawhara", jawhara);
    for (String l : ARABIC_SCRIPT) {
      groups.put("own-" + l, own.stream().filter(d -> d.lang.equals(l)).toList());
    }
    for (View v : views) {
      if (v.name.startsWith("lt-")) {
        for (String l : ARABIC_SCRIPT) {
          groups.put(v.name + "-" + l, v.docs.stream().filter(d -> d.lang.equals(l)).toList());
        }
      }
    }
    for (var g : groups.entrySet()) {
      List<double[]> rows = new ArrayList<>();
      for (Doc d : g.getValue()) {
        ScriptProfile p = ScriptProfile.of(d.title, d.text, 1000);
        double n = Math.max(1, p.arabicScript());
        rows.add(new double[] {p.persian() / n, p.urdu() / n, p.arabic() / n});
      }
      StringBuilder sb = new StringBuilder();
      String[] names = {"persian", "urdu", "arabic"};
      for (int k = 0; k < 3; k++) {
        final int kk = k;
        double[] xs = rows.stream().mapToDouble(r -> r[kk]).sorted().toArray();
        long nonzero = Arrays.stream(xs).filter(x -> x > 0).count();
        sb.append(
            String.format(
                Locale.ROOT,
                " %s[nonzero=%d p50=%.4f p99=%.4f max=%.4f min=%.4f]",
                names[k],
                nonzero,
                pct(xs, 0.5),
                pct(xs, 0.99),
                xs.length == 0 ? 0 : xs[xs.length - 1],
                xs.length == 0 ? 0 : xs[0]));
      }
      System.out.printf(Locale.ROOT, "profile %-16s n=%5d%s%n", g.getKey(), rows.size(), sb);
    }
  }

  // ---------------------------------------------------------------- data

  static List<Doc> ownTexts(Path dir) throws IOException {
    List<Doc> out = new ArrayList<>();
    for (String l : ALL) {
      Path f = dir.resolve(l + ".tsv");
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        out.add(new Doc(l, "own", parts[0], parts.length > 1 ? parts[1] : ""));
      }
    }
    return out;
  }

  static List<Doc> corpus(
      Path shared, String name, String lang, String titleCol, String textCol, int limit)
      throws SQLException {
    Path dir = shared.resolve("corpora").resolve(name);
    List<Doc> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      System.out.println("absent: " + dir);
      return out;
    }
    String sql =
        "SELECT "
            + titleCol
            + ", "
            + textCol
            + " FROM read_parquet('"
            + dir.toAbsolutePath().normalize()
            + "/*.parquet')"
            + (limit > 0 ? " LIMIT " + limit : "");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String title = TextCleaner.clean(rs.getString(1));
        String text = TextCleaner.clean(rs.getString(2));
        out.add(new Doc(lang, name, title == null ? "" : title, text == null ? "" : text));
      }
    }
    return out;
  }

  /** Lingua's language-testdata: one text a line, {@code perLang} lines of each language. */
  static List<Doc> testdata(Path dir, int perLang) throws IOException {
    List<Doc> out = new ArrayList<>();
    for (String l : concat(ALL, UNKNOWN)) {
      Path f = dir.resolve(l + ".txt");
      if (!Files.exists(f)) {
        continue;
      }
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      String expected = ALL.contains(l) ? l : UND;
      for (String line : lines.subList(0, Math.min(perLang, lines.size()))) {
        out.add(new Doc(expected, "lt-" + l, "", line.strip()));
      }
    }
    return out;
  }

  /** Every {@code k} consecutive texts of a language joined into one (news-length texts). */
  static List<Doc> joined(List<Doc> docs, int k) {
    List<Doc> out = new ArrayList<>();
    for (int i = 0; i + k <= docs.size(); i += k) {
      Doc first = docs.get(i);
      if (!first.source.equals(docs.get(i + k - 1).source)) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      for (int j = i; j < i + k; j++) {
        sb.append(j > i ? " " : "").append(docs.get(j).text);
      }
      out.add(new Doc(first.lang, first.source, "", sb.toString()));
    }
    return out;
  }

  /** {@code n} documents with a text (the job rejects blank texts as empty_text). */
  static List<Doc> sampleOf(List<Doc> docs, int n, long seed) {
    List<Doc> copy = new ArrayList<>(docs.stream().filter(d -> !d.text.isBlank()).toList());
    Collections.shuffle(copy, new Random(seed));
    return copy.subList(0, Math.min(n, copy.size()));
  }

  // ---------------------------------------------------------------- helpers

  static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static double pct(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  static String join(String title, String text) {
    if (title == null || title.isEmpty()) {
      return text == null ? "" : text;
    }
    if (text == null || text.isEmpty()) {
      return title;
    }
    return title + "\n" + text;
  }

  static String prefix(String s, int n) {
    if (s == null || n <= 0) {
      return "";
    }
    return s.length() <= n ? s : s.substring(0, n);
  }

  static int utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  static int len(String s) {
    return s == null ? 0 : s.length();
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  static List<Doc> map(List<Doc> docs, java.util.function.UnaryOperator<Doc> f) {
    List<Doc> out = new ArrayList<>(docs.size());
    for (Doc d : docs) {
      out.add(f.apply(d));
    }
    return out;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Cannot parse arguments: unexpected " + args[i]);
      }
      String k = args[i].substring(2);
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        out.put(k, args[++i]);
      } else {
        out.put(k, "true");
      }
    }
    return out;
  }
}
