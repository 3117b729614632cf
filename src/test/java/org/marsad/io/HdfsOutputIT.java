package org.marsad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.io.CommitJournal.Step;

/**
 * The lock and the commit journal on a real HDFS (a NameNode and a DataNode in this JVM), where
 * Marsad goes through Hadoop's FileSystem and not java.nio: the lock is created by a rename that
 * refuses an existing lock and replaced atomically by heartbeats; a journal is finished by the next
 * open, its folders renamed whole.
 */
@Tag("integration")
class HdfsOutputIT {

  static MiniDFSCluster dfs;
  static FileSystem fs;
  static String root;

  @BeforeAll
  static void startHdfs() throws Exception {
    Path tmp =
        Files.createDirectories(
            SharedSpark.repo().resolve("target/it-hdfs-output-" + System.nanoTime()));
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setInt("dfs.replication", 1);
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    dfs.waitActive();
    fs = dfs.getFileSystem();
    root = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
  }

  @AfterAll
  static void stopHdfs() {
    if (dfs != null) {
      dfs.shutdown(true);
    }
  }

  private static void file(String path, String content) throws Exception {
    try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
      o.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(String path) throws Exception {
    return new String(
        HadoopFiles.read(fs, new org.apache.hadoop.fs.Path(path)), StandardCharsets.UTF_8);
  }

  @Test
  void theLockIsCreatedWholeRefusedToASecondRunAndReplacedByHeartbeats() throws Exception {
    org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(root + "/locks");
    fs.mkdirs(folder);
    OutputLock first = OutputLock.acquire(fs, folder, "run-1", "run");
    assertThat(OutputLock.parse(HadoopFiles.read(fs, first.path())).runId()).isEqualTo("run-1");
    assertThatThrownBy(() -> OutputLock.acquire(fs, folder, "run-2", "terms"))
        .hasMessageContaining("another Marsad run is writing to this folder (run run-1");
    first.committing(List.of("documents"));
    assertThat(OutputLock.parse(HadoopFiles.read(fs, first.path())).committing())
        .containsExactly("documents");
    assertThat(fs.listStatus(folder)).hasSize(1); // no temporary file left
    first.close();
    assertThat(fs.exists(first.path())).isFalse();
    // An empty lock (an older version on a full disk) is taken over.
    fs.create(first.path(), true).close();
    fs.setTimes(first.path(), System.currentTimeMillis() - 60_000, -1);
    try (OutputLock lock = OutputLock.acquire(fs, folder, "run-3", "terms")) {
      assertThat(OutputLock.parse(HadoopFiles.read(fs, lock.path())).runId()).isEqualTo("run-3");
    }
  }

  @Test
  void anInterruptedCommitIsFinishedByTheNextOpenWithFoldersRenamedWhole() throws Exception {
    String out = root + "/out";
    file(
        out + "/_manifest.json", "{\"run_id\": \"old\", \"outputs\": [\"documents\", \"topics\"]}");
    file(out + "/documents/part-00000-old.parquet", "old");
    file(out + "/topics/part-00000-old.parquet", "old");
    file(out + "/_staging/new/documents/part-00000-new.parquet", "new");
    file(
        out + "/_staging/new/_manifest.json",
        "{\"run_id\": \"new\", \"outputs\": [\"documents\"]}");
    org.apache.hadoop.fs.Path r = new org.apache.hadoop.fs.Path(out);
    assertThat(HadoopFiles.atomicFolderRename(fs)).isTrue();
    CommitJournal j =
        new CommitJournal(
            "new",
            "_staging/new",
            List.of(
                Step.replace(
                    "documents", "_staging/new/documents", List.of("part-00000-new.parquet")),
                Step.delete("topics"),
                Step.replace("_manifest.json", "_staging/new/_manifest.json", null)));
    HadoopFiles.writeAtomically(
        fs, new org.apache.hadoop.fs.Path(r, CommitJournal.NAME), j.toJson());
    // killed after the first step
    fs.delete(new org.apache.hadoop.fs.Path(out + "/documents"), true);
    fs.rename(
        new org.apache.hadoop.fs.Path(out + "/_staging/new/documents"),
        new org.apache.hadoop.fs.Path(out + "/documents"));
    assertThat(OutputFolder.commitPending(fs.getConf(), out)).isTrue();
    OutputFolder.open(fs.getConf(), out, "next", "terms", false).close();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/" + CommitJournal.NAME))).isFalse();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/topics"))).isFalse();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/_staging"))).isFalse();
    assertThat(read(out + "/documents/part-00000-new.parquet")).isEqualTo("new");
    assertThat(read(out + "/_manifest.json")).contains("\"new\"");
    // A small file is replaced atomically (FileContext's overwriting rename), no temporary left.
    HadoopFiles.writeAtomically(
        fs, new org.apache.hadoop.fs.Path(out + "/_manifest.json"), "{}".getBytes());
    assertThat(read(out + "/_manifest.json")).isEqualTo("{}");
    assertThat(fs.listStatus(r))
        .extracting(s -> s.getPath().getName())
        .containsExactlyInAnyOrder("_manifest.json", "documents");
  }
}
