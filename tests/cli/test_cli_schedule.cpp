// `lrscope --version/--help` and `lrscope schedule list|make|sample|export`, run as a user would.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "lrscope_test.h"

using lrscope::test::runLrscope;

namespace {

QList<QByteArray> csvRows(const QByteArray& csv) {
  return csv.trimmed().split('\n');
}

}  // namespace

class TestCliSchedule : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void versionAndHelp() {
    auto r = runLrscope({"--version"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QByteArray("lrscope " LRSCOPE_VERSION));
    r = runLrscope({"--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("lrscope schedule make FAMILY key=value"));
  }

  // The GUI on a machine without a display: a sentence saying so, not Qt's plugin abort.
  void guiWithoutDisplayExplains() {
    const auto r = [] {
      const lrscope::test::WithoutDisplay noDisplay;
      return runLrscope({"--demo"});
    }();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("lrscope: no display (DISPLAY and WAYLAND_DISPLAY are unset)"),
             r.err.constData());
  }

  void unknownCommandFails() {
    const auto r = runLrscope({"frobnicate"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("lrscope: unknown command 'frobnicate'"));
    QVERIFY(r.out.isEmpty());
  }

  void listShowsEveryFamilyWithParameters() {
    const auto r = runLrscope({"schedule", "list"});
    QCOMPARE(r.exitCode, 0);
    for (const char* family :
         {"constant -", "cosine -", "wsd -", "sequence -", "piecewise_linear -", "sampled -"})
      QVERIFY2(r.out.contains(QByteArray("\n") + family) || r.out.startsWith(family), family);
    QVERIFY(r.out.contains("    total_steps (integer, required): number of optimizer updates N"));
    QVERIFY(r.out.contains("    warmup_convention (choice, default zero_start)"));
    QVERIFY(r.out.contains("    peak_lr (number, default 0.0003)"));
    QVERIFY(r.out.contains("    milestone_fractions (list of numbers, default [0.8,0.9])"));
  }

  void makeWritesANormalisedDocument() {
    const auto r = runLrscope({"schedule", "make", "cosine", "total_steps=1000", "peak_lr=1e-3",
                               "min_lr=1e-4", "warmup_steps=100"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(root.value("format").toString(), QString("lrscope-schedule"));
    QCOMPARE(root.value("version").toInt(), 1);
    const QJsonObject s = root.value("schedule").toObject();
    QCOMPARE(s.value("family").toString(), QString("cosine"));
    QCOMPARE(s.value("total_steps").toInt(), 1000);
    QCOMPARE(s.value("peak_lr").toDouble(), 1e-3);
    QCOMPARE(s.value("warmup_convention").toString(),
             QString("zero_start"));  // default written out
  }

  void makeSampleAndExportThroughFiles() {
    QTemporaryDir dir;
    const QString file = dir.filePath("wsd.json");
    auto r =
        runLrscope({"schedule", "make", "wsd", "total_steps=200", "peak_lr=2e-3", "min_lr=2e-4",
                    "warmup_steps=20", "decay_steps=50", "decay_shape=cosine", "-o", file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    r = runLrscope({"schedule", "sample", file, "--every", "10"});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> rows = csvRows(r.out);
    QCOMPARE(rows.first(), QByteArray("step,lr"));
    QCOMPARE(rows.size(), 1 + 20 + 1);  // 0, 10, ..., 190 and the last step 199
    auto lrAt = [&](int step) {
      for (const QByteArray& row : rows)
        if (row.startsWith(QByteArray::number(step) + ",")) return row.split(',')[1].toDouble();
      return std::nan("");
    };
    QCOMPARE(lrAt(0), 0.0);
    QCOMPARE(lrAt(10), 2e-3 * 10 / 20);
    QCOMPARE(lrAt(100), 2e-3);
    const double p = (199.0 - 150.0) / 50.0;
    QVERIFY(lrscope::test::closeTo(lrAt(199), 2e-4 + (2e-3 - 2e-4) * 0.5 * (1 + std::cos(M_PI * p)),
                                   1e-15));
    r = runLrscope({"schedule", "export", file, "--to", "pytorch"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("torch.optim.lr_scheduler.LambdaLR"));
    r = runLrscope({"schedule", "export", file, "--to", "optax", "-o", dir.filePath("o.py")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFileInfo(dir.filePath("o.py")).size() > 0);
    r = runLrscope({"schedule", "export", file, "--to", "csv"});
    QCOMPARE(csvRows(r.out).size(), 201);
  }

  void sampleReadsStandardInput() {
    const auto made = runLrscope({"schedule", "make", "constant", "total_steps=3", "peak_lr=0.5"});
    const auto r = runLrscope({"schedule", "sample", "-"}, made.out);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("step,lr\n0,0.5\n1,0.5\n2,0.5\n"));
  }

  void sequenceFromPhaseFiles() {
    QTemporaryDir dir;
    QCOMPARE(runLrscope({"schedule", "make", "linear_warmup", "total_steps=10", "peak_lr=1", "-o",
                         dir.filePath("a.json")})
                 .exitCode,
             0);
    QCOMPARE(runLrscope({"schedule", "make", "constant", "total_steps=5", "peak_lr=0.25", "-o",
                         dir.filePath("b.json")})
                 .exitCode,
             0);
    const auto made =
        runLrscope({"schedule", "make", "sequence",
                    "phases=" + dir.filePath("a.json") + "," + dir.filePath("b.json")});
    QCOMPARE(made.exitCode, 0);
    const auto r = runLrscope({"schedule", "sample", "-"}, made.out);
    const QList<QByteArray> rows = csvRows(r.out);
    QCOMPARE(rows.size(), 16);
    QCOMPARE(rows[10], QByteArray("9,0.9"));
    QCOMPARE(rows[11], QByteArray("10,0.25"));
  }

  void badInputGivesClearErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("no family") << QStringList{"schedule", "make"} << 2
                               << "schedule make: give a FAMILY";
    QTest::newRow("unknown family")
        << QStringList{"schedule", "make", "zigzag"} << 2 << "unknown family 'zigzag'";
    QTest::newRow("not key=value") << QStringList{"schedule", "make", "cosine", "1000"} << 2
                                   << "expected key=value, got '1000'";
    QTest::newRow("unknown key") << QStringList{"schedule", "make", "cosine", "steps=5"} << 2
                                 << "'steps' is not a parameter of cosine (known: total_steps";
    QTest::newRow("not a number") << QStringList{"schedule", "make", "cosine", "total_steps=lots"}
                                  << 2 << "total_steps: 'lots' is not a number";
    QTest::newRow("nan") << QStringList{"schedule", "make", "cosine", "total_steps=10",
                                        "peak_lr=nan"}
                         << 1 << "$.peak_lr: must be finite";
    QTest::newRow("huge") << QStringList{"schedule", "make", "constant", "total_steps=1e12"} << 1
                          << "must have between 1 and 100000000 steps";
    QTest::newRow("min above peak")
        << QStringList{"schedule", "make", "cosine", "total_steps=10", "min_lr=1"} << 1
        << "$.min_lr: min_lr (1) is above peak_lr (0.0003)";
    QTest::newRow("missing file") << QStringList{"schedule", "sample", "/nonexistent.json"} << 1
                                  << "/nonexistent.json: cannot open";
    QTest::newRow("bad every") << QStringList{"schedule", "sample", "x.json", "--every", "0"} << 2
                               << "--every needs a positive integer";
    QTest::newRow("bad target") << QStringList{"schedule", "export", "x.json", "--to", "keras"} << 2
                                << "--to must be pytorch, optax or csv, got 'keras'";
    QTest::newRow("bad sub") << QStringList{"schedule", "draw"} << 2
                             << "schedule: expected list, make, sample or export, got 'draw'";
  }
  void badInputGivesClearErrors() {
    QFETCH(QStringList, args);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto r = runLrscope(args);
    QCOMPARE(r.exitCode, status);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
  }

  void malformedFileNamesFileAndPath() {
    QTemporaryDir dir;
    QFile f(dir.filePath("bad.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"format":"lrscope-schedule","version":1,"schedule":{"family":"cosine","total_steps":-3}})");
    f.close();
    const auto r = runLrscope({"schedule", "sample", f.fileName()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains((f.fileName() + ": $.schedule.total_steps: must be >= 1, got -3").toUtf8()),
        r.err.constData());
  }
};

QTEST_GUILESS_MAIN(TestCliSchedule)
#include "test_cli_schedule.moc"
