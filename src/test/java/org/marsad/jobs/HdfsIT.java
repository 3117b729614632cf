package org.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.cli.Cli;

/**
 * A real HDFS in this JVM (a NameNode and a DataNode of hadoop-client-minicluster, the Hadoop
 * version Spark ships): the sample corpus and the user files are copied into it, {@code run} reads
 * {@code hdfs://} input, gazetteer and stop list and writes {@code hdfs://} output, and every table
 * equals a local-mode run on local files.
 */
@Tag("integration")
class HdfsIT {

  static MiniDFSCluster dfs;
  static Path tmp;

  @BeforeAll
  static void startHdfs() throws Exception {
    tmp =
        Files.createDirectories(SharedSpark.repo().resolve("target/it-hdfs-" + System.nanoTime()));
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    conf.setInt("dfs.replication", 1);
    dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
    dfs.waitActive();
  }

  @AfterAll
  static void stopHdfs() {
    if (dfs != null) {
      dfs.shutdown(true);
    }
  }

  @Test
  void runWithHdfsInputUserFilesAndOutputGivesTheLocalTables() throws Exception {
    String reference = ItRuns.reference();
    Path local = Files.createDirectories(tmp.resolve("local"));
    ItRuns.writeOverrides(local);
    FileSystem fs = dfs.getFileSystem();
    String root = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
    fs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(ItRuns.sample()),
        new org.apache.hadoop.fs.Path(root + "/corpora/sample"));
    fs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(local.resolve(ItRuns.GAZETTEER).toString()),
        new org.apache.hadoop.fs.Path(root + "/conf/gazetteer"));
    fs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(local.resolve(ItRuns.STOPWORDS_AR).toString()),
        new org.apache.hadoop.fs.Path(root + "/conf/stopwords-ar.txt"));
    // The local copies are gone: the job can only read the user files from HDFS.
    try (var walk = Files.walk(local)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    String out = root + "/marsad/out";
    long t0 = System.nanoTime();
    Cli.Result r =
        ItRuns.inProcess(
            tmp,
            ItRuns.runArgs(
                root + "/corpora/sample",
                out,
                root + "/conf/gazetteer",
                root + "/conf/stopwords-ar.txt"));
    assertThat(r.code()).as("run on HDFS; stderr:\n%s", r.err()).isZero();
    System.out.printf("[it] HDFS run: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/_manifest.json"))).isTrue();
    assertThat(fs.exists(new org.apache.hadoop.fs.Path(out + "/report/index.html"))).isTrue();
    ItRuns.assertFitOn(out, "driver");
    ItRuns.assertFitOn(reference, "driver");
    ItRuns.assertOverridesShow(out);
    assertThat(TableComparison.differences(out, reference)).isEmpty();
  }
}
