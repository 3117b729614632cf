package org.marsad.io.postgres;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes values in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: tab-separated
 * fields, {@code \N} for null, backslash escapes for backslash, tab and line breaks; arrays as
 * {@code {"a","b"}} literals; timestamps as UTC instants; doubles exactly (shortest round-trip
 * form, {@code NaN}, {@code Infinity}). NUL characters, which PostgreSQL text cannot hold, are
 * dropped.
 */
final class CopyEncoder {

  private CopyEncoder() {}

  /** Appends the field for {@code v} (already escaped) to {@code out}. */
  static void appendField(StringBuilder out, Object v) {
    if (v == null) {
      out.append("\\N");
    } else if (v instanceof List<?> list) {
      appendEscaped(out, arrayLiteral(list));
    } else if (v instanceof scala.collection.Seq<?> seq) {
      appendEscaped(out, arrayLiteral(scala.jdk.javaapi.CollectionConverters.asJava(seq)));
    } else {
      appendEscaped(out, scalar(v));
    }
  }

  /** The literal of a non-null scalar, before COPY escaping. */
  static String scalar(Object v) {
    if (v instanceof String s) {
      return s;
    } else if (v instanceof Double d) {
      return floating(d, Double.toString(d));
    } else if (v instanceof Float f) {
      return floating(f, Float.toString(f));
    } else if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    } else if (v instanceof Instant i) {
      return i.toString();
    } else if (v instanceof Date d) {
      return d.toLocalDate().toString();
    } else if (v instanceof BigDecimal b) {
      return b.toPlainString();
    } else if (v instanceof Boolean b) {
      return b ? "t" : "f";
    } else if (v instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    return v.toString(); // integers, LocalDate, LocalDateTime (ISO forms PostgreSQL reads)
  }

  private static String floating(double d, String plain) {
    if (Double.isNaN(d)) {
      return "NaN";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return plain;
  }

  /** An array literal {@code {"a",NULL,"b"}}, every element quoted. */
  static String arrayLiteral(List<?> values) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object e = values.get(i);
      if (e == null) {
        b.append("NULL");
        continue;
      }
      b.append('"');
      String s = scalar(e);
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '"' || c == '\\') {
          b.append('\\');
        }
        b.append(c);
      }
      b.append('"');
    }
    return b.append('}').toString();
  }

  private static void appendEscaped(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' -> {}
        default -> out.append(c);
      }
    }
  }
}
