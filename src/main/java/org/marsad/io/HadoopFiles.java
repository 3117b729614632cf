package org.marsad.io;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * What the output folder's bookkeeping needs to know about a Hadoop filesystem: whether a folder
 * rename is atomic (the local filesystem and HDFS) or a copy (object stores), and how to replace a
 * small file so that a reader sees the old or the new content, never a part of it.
 */
final class HadoopFiles {

  /** Schemes of object stores: a rename is a copy, and a created object appears at close. */
  private static final Set<String> OBJECT_STORES =
      Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cosn", "obs");

  private HadoopFiles() {}

  /** True on an object store (S3, GCS, Azure...): renames copy, objects appear whole at close. */
  static boolean objectStore(FileSystem fs) {
    String s = fs.getUri().getScheme();
    return s != null && OBJECT_STORES.contains(s.toLowerCase(Locale.ROOT));
  }

  /** True where renaming a folder is one atomic operation (the local filesystem, HDFS). */
  static boolean atomicFolderRename(FileSystem fs) {
    if (local(fs) != null) {
      return true;
    }
    String s = fs.getUri().getScheme();
    return s != null && Set.of("hdfs", "viewfs").contains(s.toLowerCase(Locale.ROOT));
  }

  /** The java.nio path of {@code p} on the local filesystem, or null on any other. */
  static java.nio.file.Path local(FileSystem fs, Path p) {
    RawLocalFileSystem raw = local(fs);
    return raw == null ? null : raw.pathToFile(p).toPath();
  }

  private static RawLocalFileSystem local(FileSystem fs) {
    if (fs instanceof LocalFileSystem l && l.getRaw() instanceof RawLocalFileSystem r) {
      return r;
    }
    return fs instanceof RawLocalFileSystem r ? r : null;
  }

  /** {@code fs} without Hadoop's {@code .crc} checksum files (the local filesystem's raw view). */
  static FileSystem withoutChecksums(FileSystem fs) {
    return fs instanceof LocalFileSystem l ? l.getRaw() : fs;
  }

  /**
   * Replaces {@code p} with {@code content} so that readers see either the old or the new file: a
   * temporary file renamed over it (java.nio's atomic move locally, FileContext's overwriting
   * rename on HDFS); on object stores one PUT, which appears whole when the stream closes.
   */
  static void writeAtomically(FileSystem fs, Path p, byte[] content) throws IOException {
    java.nio.file.Path file = local(fs, p);
    if (file != null) {
      java.nio.file.Path tmp = file.resolveSibling("." + file.getFileName() + "." + tag() + ".tmp");
      try {
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return;
    }
    if (objectStore(fs)) {
      try (OutputStream out = fs.create(p, true)) {
        out.write(content);
      }
      return;
    }
    Path tmp = new Path(p.getParent(), "." + p.getName() + "." + tag() + ".tmp");
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(content);
      }
      try {
        FileContext.getFileContext(fs.getUri(), fs.getConf())
            .rename(tmp, p, Options.Rename.OVERWRITE);
      } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
        // No FileContext binding for this scheme: a short window without the file.
        fs.delete(p, false);
        if (!fs.rename(tmp, p)) {
          throw new IOException("rename " + tmp + " -> " + p + " failed");
        }
      }
    } finally {
      fs.delete(tmp, false);
    }
  }

  /** The bytes of {@code p}, or null when it does not exist. */
  static byte[] read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /** A short unique tag for temporary file names. */
  static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
