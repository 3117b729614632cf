package org.marsad.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.SharedSpark;
import org.marsad.corpus.CorpusOptions;
import org.marsad.corpus.Period;
import org.marsad.corpus.SlashOrder;

/** The scan on Spark: the same lines on the driver path and on the distributed path. */
@Tag("spark")
class BoilerplateScanTest {

  private static final String BYLINE = "مراسل الجوهرة";

  private static Dataset<Row> corpus(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String day = String.format("2018-01-%02d", 1 + i % 28);
      String text = "خبر رقم " + i + " عن الاقتصاد.";
      if (i % 3 == 0) {
        text += "\n" + BYLINE;
      }
      rows.add(RowFactory.create(text, "A", day));
    }
    for (int i = 0; i < 12; i++) { // one story reprinted twelve times in a day: not boilerplate
      rows.add(RowFactory.create("قصة واحدة أعيد نشرها.\nخبر " + i, "A", "2018-02-01"));
    }
    for (int i = 0;
        i < 12;
        i++) { // one article copied on twelve days: its lines are no boilerplate
      rows.add(
          RowFactory.create(
              "نسخة واحدة من مقال.\nفقرة المقال الثانية.", "A", "2018-03-" + (10 + i)));
    }
    for (int i = 0; i < 6; i++) { // the byline in too few documents of B
      rows.add(RowFactory.create("خبر ب " + i + "\n" + BYLINE, "B", "2018-01-0" + (1 + i)));
    }
    StructType schema =
        new StructType()
            .add("text", DataTypes.StringType)
            .add("src", DataTypes.StringType)
            .add("day", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  private static CorpusOptions options() {
    return new CorpusOptions(
        "id",
        "text",
        "title",
        "day",
        "src",
        "lang",
        "url",
        false,
        true,
        true,
        false,
        false,
        List.of(),
        Period.MONTH,
        SlashOrder.DAY_FIRST);
  }

  @Test
  void aBylineRepeatedOverDaysIsFoundAndAReprintIsNot() {
    SparkSession spark = SharedSpark.get();
    CorpusOptions o = options();
    BoilerplateParams p = BoilerplateParams.defaults();
    Boilerplate driver = BoilerplateScan.find(corpus(spark), o, o.dateParser(), p, 1_000_000);
    Boilerplate distributed = BoilerplateScan.find(corpus(spark), o, o.dateParser(), p, 0);
    for (Boilerplate b : List.of(driver, distributed)) {
      assertThat(b.size()).isEqualTo(1);
      assertThat(b.found().get("A")).extracting(Boilerplate.Line::line).containsExactly(BYLINE);
      assertThat(b.found().get("A").get(0).documents()).isEqualTo(14);
      assertThat(b.remove("A", "خبر\n" + BYLINE).text()).isEqualTo("خبر");
      assertThat(b.remove("B", "خبر\n" + BYLINE).removed()).isZero();
    }
    Boilerplate off =
        BoilerplateScan.find(
            corpus(spark), o, o.dateParser(), new BoilerplateParams(false, 10, 0.005, 2), 100);
    assertThat(off.size()).isZero();
  }
}
