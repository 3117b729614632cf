package org.marsad.topics;

import java.util.ArrayList;
import java.util.List;
import org.marsad.pipeline.MarsadException;
import org.marsad.pipeline.Setting;
import org.marsad.pipeline.SettingValues;

/** The settings of the topics capability, declared once; {@link #of} makes the stage's record. */
public final class TopicsSettings {

  private TopicsSettings() {}

  private static final String GROUP = "topics";

  /** Number of topics: a number, auto or size. */
  public static final Setting<Integer> K =
      Setting.<Integer>custom(
              "k",
              raw -> {
                String v = Setting.one(raw).strip();
                if (v.equals("auto")) {
                  return 0;
                }
                if (v.equals("size")) {
                  return TopicSettings.K_BY_SIZE;
                }
                int k = number("k", v);
                if (k < 2) {
                  throw MarsadException.usage(
                      "Cannot use --k: too few topics", v, "use at least 2, auto or size");
                }
                return k;
              })
          .group(GROUP)
          .label("N|auto|size")
          .defaultValue(TopicSettings.K_BY_SIZE)
          .printer(k -> k == 0 ? "auto" : k == TopicSettings.K_BY_SIZE ? "size" : k.toString())
          .help(
              "Number of topics; size: one per 50 documents, at least 3 and at most 20; auto: fit"
                  + " each k of --k-sweep and keep the most coherent one whose diversity is at least"
                  + " 90% of the sweep's best")
          .build();

  /** The k values tried by --k auto. */
  public static final Setting<List<Integer>> K_SWEEP =
      Setting.<List<Integer>>custom(
              "k-sweep",
              raw -> {
                List<Integer> out = new ArrayList<>();
                for (String r : raw) {
                  for (String p : r.split(",")) {
                    if (!p.isBlank()) {
                      int k = number("k-sweep", p.strip());
                      if (k < 2) {
                        throw MarsadException.usage(
                            "Cannot use --k-sweep: too few topics",
                            p,
                            "list k values of 2 or more");
                      }
                      out.add(k);
                    }
                  }
                }
                if (out.isEmpty()) {
                  throw MarsadException.usage(
                      "Cannot use --k-sweep: no value", "", "e.g. 10,20,30,40");
                }
                return List.copyOf(out);
              })
          .group(GROUP)
          .label("K,K...")
          .defaultValue(List.of(10, 20, 30, 40))
          .help("The k values tried by --k auto, comma-separated")
          .build();

  /** Largest vocabulary. */
  public static final Setting<Integer> VOCAB_SIZE =
      Setting.intAtLeast("vocab-size", 2)
          .group(GROUP)
          .defaultValue(10000)
          .help("Largest topic vocabulary (the most document-frequent terms within the DF bounds)")
          .build();

  /** Minimum document frequency. */
  public static final Setting<Long> MIN_DF =
      Setting.<Long>custom(
              "min-df",
              raw -> {
                String v = Setting.one(raw).strip();
                if (v.equals("auto")) {
                  return TopicSettings.AUTO_MIN_DF;
                }
                long n = number("min-df", v);
                if (n < 1) {
                  throw MarsadException.usage(
                      "Cannot use --min-df: must be at least 1", v, "or auto");
                }
                return n;
              })
          .group(GROUP)
          .label("N|auto")
          .defaultValue(TopicSettings.AUTO_MIN_DF)
          .printer(v -> v == TopicSettings.AUTO_MIN_DF ? "auto" : v.toString())
          .help("A topic term occurs in at least this many documents; auto: one in 1,500, 2 to 20")
          .build();

  /** Maximum document share. */
  public static final Setting<Double> MAX_DF =
      Setting.doubleIn("max-df", Double.MIN_VALUE, 1)
          .group(GROUP)
          .defaultValue(0.1)
          .help("A topic term occurs in at most this share of documents")
          .build();

  /** The optimizer. */
  public static final Setting<String> OPTIMIZER =
      Setting.choice("optimizer", Setting.<String>words("online", "online"))
          .group(GROUP)
          .defaultValue("online")
          .help(
              "online: variational Bayes on mini-batches (one Spark job per step, or none when the"
                  + " fit runs on the driver), the only optimizer (em was Spark MLlib's and left"
                  + " with it)")
          .build();

  /** Iterations. */
  public static final Setting<Integer> MAX_ITER =
      autoOrInt(
          "max-iter",
          "Most optimizer steps (auto: five passes over the corpus at the mini-batch share, at"
              + " least 30; the fit stops earlier when the topics no longer change)");

  /** Random seed. */
  public static final Setting<Long> SEED =
      Setting.<Long>custom("seed", raw -> (long) number("seed", Setting.one(raw).strip()))
          .group(GROUP)
          .label("N")
          .defaultValue(1L)
          .help("Random seed of the topic model: the same seed and input give the same tables")
          .build();

  /** Mini-batch share. */
  public static final Setting<Double> SUBSAMPLING =
      Setting.<Double>custom(
              "subsampling",
              raw -> {
                String v = Setting.one(raw).strip();
                if (v.equals("auto")) {
                  return (double) TopicSettings.AUTO;
                }
                try {
                  double d = Double.parseDouble(v);
                  if (d > 0 && d <= 1) {
                    return d;
                  }
                } catch (NumberFormatException e) {
                  // below
                }
                throw MarsadException.usage(
                    "Cannot use --subsampling: not a share in (0, 1]", v, "e.g. 0.05 or auto");
              })
          .group(GROUP)
          .label("X|auto")
          .defaultValue((double) TopicSettings.AUTO)
          .printer(v -> v == TopicSettings.AUTO ? "auto" : v.toString())
          .help("Share of documents per online mini-batch (auto: about 1,000 documents, 5% to all)")
          .build();

  /** A saved model. */
  public static final Setting<String> MODEL =
      Setting.path("model")
          .group(GROUP)
          .label("DIR")
          .defaultText("(fit)")
          .help(
              "Infer topic mixtures with a saved model (an earlier run's <output>/models/topics)"
                  + " instead of fitting one")
          .build();

  /** Minimum documents naming a state for topic_states. */
  public static final Setting<Long> MIN_TOPIC_STATE_DOCS =
      Setting.longAtLeast("min-topic-state-docs", 1)
          .group(GROUP)
          .defaultValue(5L)
          .help("Documents naming a state needed for a topic_states row")
          .build();

  /** Largest fit done on the driver. */
  public static final Setting<Long> DRIVER_FIT_MAX =
      Setting.longAtLeast("topics-driver-max", 0)
          .group(GROUP)
          .defaultValue(8_000_000L)
          .help(
              "The fit runs on the driver (no Spark job per step) when the documents' count vectors"
                  + " hold at most this many (term, count) entries, about 12 bytes each; above,"
                  + " one Spark job per step; 0 always distributes")
          .build();

  private static Setting<Integer> autoOrInt(String key, String help) {
    return Setting.<Integer>custom(
            key,
            raw -> {
              String v = Setting.one(raw).strip();
              if (v.equals("auto")) {
                return TopicSettings.AUTO;
              }
              int n = number(key, v);
              if (n < 1) {
                throw MarsadException.usage(
                    "Cannot use --" + key + ": must be at least 1", v, "or auto");
              }
              return n;
            })
        .group(GROUP)
        .label("N|auto")
        .defaultValue(TopicSettings.AUTO)
        .printer(v -> v == TopicSettings.AUTO ? "auto" : v.toString())
        .help(help)
        .build();
  }

  private static int number(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw MarsadException.usage("Cannot use --" + key + ": not a whole number", v, null);
    }
  }

  /** Every topics setting. */
  public static final List<Setting<?>> ALL =
      List.of(
          K,
          K_SWEEP,
          VOCAB_SIZE,
          MIN_DF,
          MAX_DF,
          OPTIMIZER,
          MAX_ITER,
          SEED,
          SUBSAMPLING,
          MODEL,
          MIN_TOPIC_STATE_DOCS,
          DRIVER_FIT_MAX);

  /** The stage's settings record of resolved values. */
  public static TopicSettings of(SettingValues v) {
    return new TopicSettings(
        v.get(K),
        v.get(K_SWEEP),
        v.get(VOCAB_SIZE),
        v.get(MIN_DF),
        v.get(MAX_DF),
        v.get(OPTIMIZER),
        v.get(MAX_ITER),
        v.get(SEED),
        v.get(SUBSAMPLING),
        v.get(MODEL));
  }
}
