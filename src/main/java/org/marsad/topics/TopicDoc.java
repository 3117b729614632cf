package org.marsad.topics;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marsad.pipeline.MentionsBlob;
import org.marsad.pipeline.TermsBlob;

/**
 * One document that counts, as the topics see it: its key (a hash of its id: the seed of its
 * mini-batch draws and its variational start), where it was published, its count vector over the
 * vocabulary (indices ascending) and the states it names (forms counted).
 *
 * @param key {@link OnlineLda#key} of the id
 * @param docId the id
 * @param period its period
 * @param source its outlet
 * @param idx vocabulary indices, ascending
 * @param cts their counts
 * @param states the distinct states it names (counted forms), sorted
 */
public record TopicDoc(
    long key, String docId, String period, String source, int[] idx, int[] cts, String[] states)
    implements Serializable {

  /** The document of the intermediate's values (terms and mentions blobs may be null). */
  public static TopicDoc of(
      String docId,
      String period,
      String source,
      byte[] terms,
      byte[] mentions,
      Map<String, Integer> vocabulary,
      Set<String> forms) {
    TreeMap<Integer, Integer> v = new TreeMap<>();
    if (terms != null) {
      TermsBlob.readTerms(
          terms,
          (term, n) -> {
            Integer i = vocabulary.get(term);
            if (i != null) {
              v.merge(i, n, Integer::sum);
            }
          });
    }
    int[] idx = new int[v.size()];
    int[] cts = new int[v.size()];
    int j = 0;
    for (Map.Entry<Integer, Integer> e : v.entrySet()) {
      idx[j] = e.getKey();
      cts[j++] = e.getValue();
    }
    TreeSet<String> states = new TreeSet<>();
    if (mentions != null) {
      for (MentionsBlob.Mention m : MentionsBlob.decode(mentions)) {
        if (forms.contains(m.form())) {
          states.add(m.state());
        }
      }
    }
    return new TopicDoc(
        OnlineLda.key(docId), docId, period, source, idx, cts, states.toArray(new String[0]));
  }
}
