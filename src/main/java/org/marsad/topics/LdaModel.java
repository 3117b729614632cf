package org.marsad.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marsad.pipeline.MarsadException;

/**
 * A fitted topic model: the vocabulary (analysis keys and their readable labels), the variational
 * topic-term parameters λ (k × V), the document-topic prior α and the topic-term prior η. Saved (by
 * the job) under {@code <output>/models/topics} as {@code model.json} (format, k, vocabulary size,
 * α, η, seed), {@code vocabulary.tsv} (term and label per line, in index order) and {@code
 * lambda.bin} (k × V big-endian doubles, topic-major); {@code --model} and {@code update} infer
 * with it, so topic ids keep their meaning across runs.
 */
public final class LdaModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The format written in model.json. */
  static final String FORMAT = "marsad-lda-1";

  private final String[] vocabulary;
  private final String[] labels;
  private final double[][] lambda;
  private final double[] alpha;
  private final double eta;
  private final long seed;
  private transient Map<String, Integer> index;
  private transient double[] expElogBeta;

  /** A model. */
  public LdaModel(
      String[] vocabulary,
      String[] labels,
      double[][] lambda,
      double[] alpha,
      double eta,
      long seed) {
    this.vocabulary = vocabulary;
    this.labels = labels;
    this.lambda = lambda;
    this.alpha = alpha;
    this.eta = eta;
    this.seed = seed;
  }

  /** Number of topics. */
  public int k() {
    return lambda.length;
  }

  /** The vocabulary (analysis keys), by index. */
  public String[] vocabulary() {
    return vocabulary;
  }

  /** The label of each vocabulary term. */
  public String[] labels() {
    return labels;
  }

  /** The document-topic prior. */
  public double[] alpha() {
    return alpha;
  }

  /** The random seed of the fit (and of the inference starts). */
  public long seed() {
    return seed;
  }

  /** The index of each vocabulary term. */
  public Map<String, Integer> index() {
    if (index == null) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = 0; i < vocabulary.length; i++) {
        m.put(vocabulary[i], i);
      }
      index = m;
    }
    return index;
  }

  /** The learner over this model's shape. */
  public OnlineLda learner() {
    return new OnlineLda(k(), vocabulary.length, eta, seed);
  }

  /** exp(E[log β]) of the final λ (term-major), for inference. */
  public double[] expElogBeta() {
    if (expElogBeta == null) {
      expElogBeta = learner().expElogBeta(lambda);
    }
    return expElogBeta;
  }

  /** The mixture of a document given as vocabulary indices and counts. */
  public double[] mixture(long key, int[] idx, int[] cts) {
    return learner().mixture(key, idx, cts, expElogBeta(), alpha);
  }

  /** P(term | topic) of every topic and term: λ normalised per topic. */
  public double[][] topicTerms() {
    double[][] out = new double[k()][];
    for (int t = 0; t < k(); t++) {
      double s = 0;
      for (double x : lambda[t]) {
        s += x;
      }
      out[t] = new double[lambda[t].length];
      for (int w = 0; w < lambda[t].length; w++) {
        out[t][w] = lambda[t][w] / s;
      }
    }
    return out;
  }

  /** The indices of each topic's {@code n} most probable terms (ties by index). */
  public int[][] top(int n) {
    return top(lambda, n);
  }

  /** The indices of each row's {@code n} largest values (ties by index). */
  static int[][] top(double[][] lambda, int n) {
    int[][] out = new int[lambda.length][];
    for (int t = 0; t < lambda.length; t++) {
      double[] row = lambda[t];
      Integer[] order = new Integer[row.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.comparingDouble((Integer i) -> -row[i]).thenComparingInt(i -> i));
      out[t] = new int[Math.min(n, row.length)];
      for (int i = 0; i < out[t].length; i++) {
        out[t][i] = order[i];
      }
    }
    return out;
  }

  /** The model's files, by name: model.json, vocabulary.tsv and lambda.bin. */
  public Map<String, byte[]> files() {
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode m = json.createObjectNode();
      m.put("format", FORMAT);
      m.put("k", k());
      m.put("vocabulary", vocabulary.length);
      m.put("eta", eta);
      m.put("seed", seed);
      ArrayNode a = m.putArray("alpha");
      for (double x : alpha) {
        a.add(x);
      }
      StringBuilder v = new StringBuilder();
      for (int i = 0; i < vocabulary.length; i++) {
        v.append(vocabulary[i]).append('\t').append(labels[i]).append('\n');
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (DataOutputStream o = new DataOutputStream(bytes)) {
        for (double[] row : lambda) {
          for (double x : row) {
            o.writeDouble(x);
          }
        }
      }
      Map<String, byte[]> files = new java.util.LinkedHashMap<>();
      files.put("model.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
      files.put("vocabulary.tsv", v.toString().getBytes(StandardCharsets.UTF_8));
      files.put("lambda.bin", bytes.toByteArray());
      return files;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot encode the topic model: " + e.getMessage(), e);
    }
  }

  /**
   * The model of the files {@link #files} wrote ({@code dir} names them in messages).
   *
   * @throws MarsadException naming the folder and what is wrong with it
   */
  public static LdaModel fromFiles(String dir, Map<String, byte[]> files) {
    String part = "model.json";
    try {
      byte[] head = files.get(part);
      if (head == null) {
        throw new IOException("absent");
      }
      JsonNode m = new ObjectMapper().readTree(head);
      if (!FORMAT.equals(m.path("format").asText())) {
        throw MarsadException.data(
            "Cannot use --model: not a model of this Marsad (format "
                + m.path("format").asText("none")
                + ")",
            dir,
            "refit: run without --model, or give the models/topics folder of a run of this"
                + " version");
      }
      int k = m.get("k").asInt();
      int size = m.get("vocabulary").asInt();
      double[] alpha = new double[k];
      for (int i = 0; i < k; i++) {
        alpha[i] = m.get("alpha").get(i).asDouble();
      }
      part = "vocabulary.tsv";
      List<String> terms = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      byte[] vocab = files.get(part);
      if (vocab == null) {
        throw new IOException("absent");
      }
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new java.io.ByteArrayInputStream(vocab), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          int tab = line.indexOf('\t');
          terms.add(line.substring(0, tab));
          labels.add(line.substring(tab + 1));
        }
      }
      if (terms.size() != size) {
        throw new IOException("it has " + terms.size() + " terms, model.json " + size);
      }
      part = "lambda.bin";
      byte[] lam = files.get(part);
      if (lam == null) {
        throw new IOException("absent");
      }
      double[][] lambda = new double[k][size];
      try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(lam))) {
        for (int t = 0; t < k; t++) {
          for (int w = 0; w < size; w++) {
            lambda[t][w] = in.readDouble();
          }
        }
      }
      return new LdaModel(
          terms.toArray(new String[0]),
          labels.toArray(new String[0]),
          lambda,
          alpha,
          m.get("eta").asDouble(),
          m.get("seed").asLong());
    } catch (IOException | RuntimeException e) {
      if (e instanceof MarsadException me) {
        throw me;
      }
      throw MarsadException.data(
          "Cannot use --model: no readable " + part + " in it (" + e.getMessage() + ")",
          dir,
          "give the models/topics folder of an earlier run's --output");
    }
  }
}
