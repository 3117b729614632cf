package org.marsad.jobs;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The loading decisions of a run, small enough for the driver (below the driver cap) and for a
 * broadcast: the first row of every repeated id (the others are rejected as {@code duplicate_id}),
 * the first document of every repeated text ({@code duplicate_of}), and the story of every reprint
 * (a document that does not count because an earlier one of its story does).
 */
final class Decisions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** doc_id of a repeated id → file \t row of its first occurrence (in input order). */
  final Map<String, String> firstOfId = new HashMap<>();

  /** Hex text hash of a repeated text → the doc_id of its first document. */
  final Map<String, String> firstOfText = new HashMap<>();

  /** Hex text hashes whose first row was a rejected repeated id (resolved again). */
  final Set<String> unresolvedTexts = new HashSet<>();

  /** doc_id of a reprint → its story's first document. */
  final Map<String, String> storyOf = new HashMap<>();

  /** Rows rejected as repeated ids. */
  long duplicateIds;

  /** True when the row is the first (or only) occurrence of its id. */
  boolean firstOfItsId(String docId, String file, long row) {
    String f = firstOfId.get(docId);
    return f == null || f.equals(file + "\t" + row);
  }
}
