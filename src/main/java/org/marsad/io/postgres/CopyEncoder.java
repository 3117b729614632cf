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
 * form, {@code NaN}, {@code Infinity}).
 *
 * <p>PostgreSQL text cannot hold U+0000 (NUL), so text is encoded without changing any text that
 * has neither NUL nor U+2400 (␀, SYMBOL FOR NULL): a NUL becomes {@code ␀0} and a ␀ already in the
 * text becomes {@code ␀␀}. The encoding is one-to-one, so two ids that differ only by a NUL stay
 * two ids; {@link #decode} gives the original back.
 */
final class CopyEncoder {

  /** The escape character of the NUL encoding: U+2400 SYMBOL FOR NULL. */
  static final char ESCAPE = '\u2400';

  private CopyEncoder() {}

  /** {@code s} with NUL as {@code ␀0} and ␀ as {@code ␀␀} (unchanged when it has neither). */
  static String encodeNul(String s) {
    if (s.indexOf('\0') < 0 && s.indexOf(ESCAPE) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\0') {
        b.append(ESCAPE).append('0');
      } else if (c == ESCAPE) {
        b.append(ESCAPE).append(ESCAPE);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The text {@link #encodeNul} encoded (for readers who need the original id back). */
  static String decode(String s) {
    if (s.indexOf(ESCAPE) < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ESCAPE && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == '0' ? '\0' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

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
      return encodeNul(s);
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
        default -> out.append(c);
      }
    }
  }
}
