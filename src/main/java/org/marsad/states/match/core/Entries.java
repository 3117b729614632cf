package org.marsad.states.match.core;

import java.util.List;

/** Questions about the readings a match may still have. */
public final class Entries {

  private Entries() {}

  /** Whether a reading has this form. */
  public static boolean hasForm(List<Entry> entries, String form) {
    for (Entry e : entries) {
      if (e.form().equals(form)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every reading has this form. */
  public static boolean allForm(List<Entry> entries, String form) {
    for (Entry e : entries) {
      if (!e.form().equals(form)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a reading is of this state. */
  public static boolean hasIso(List<Entry> entries, String iso2) {
    for (Entry e : entries) {
      if (e.iso2().equals(iso2)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every reading is of this state. */
  public static boolean allIso(List<Entry> entries, String iso2) {
    for (Entry e : entries) {
      if (!e.iso2().equals(iso2)) {
        return false;
      }
    }
    return true;
  }

  /** The first reading of this state (null: any) and form (null: any), else the first reading. */
  public static Entry pick(List<Entry> entries, String iso2, String form) {
    for (Entry e : entries) {
      if ((iso2 == null || e.iso2().equals(iso2)) && (form == null || e.form().equals(form))) {
        return e;
      }
    }
    return entries.get(0);
  }
}
