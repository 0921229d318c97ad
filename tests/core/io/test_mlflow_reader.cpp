// MLflow file store: an mlruns tree (experiments, runs, nested metric keys, a deleted run, .trash),
// a single run folder, a single metric file, and the bad-input table of metric lines.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "io/log_registry.h"
#include "io/mlflow_reader.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::writeFile;

namespace {

const QString kRun = QStringLiteral("io/mlflow/mlruns/0/3f2a9c1e5b7d4e0f8a6b2c4d1e3f5a7b");

// A one-run store in `dir` whose metric `loss` holds `lines`.
QString storeWithLoss(const QTemporaryDir& dir, const QByteArray& lines) {
  writeFile(dir, "mlruns/1/meta.yaml", "name: exp\nlifecycle_stage: active\n");
  writeFile(dir, "mlruns/1/abc/meta.yaml", "run_name: r\nlifecycle_stage: active\n");
  return writeFile(dir, "mlruns/1/abc/metrics/loss", lines);
}

}  // namespace

class TestMlflowReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTheStore() {
    const QString store = test::testDataPath("io/mlflow/mlruns");
    QCOMPARE(detectLogFormat(store), QStringLiteral("mlflow"));
    const auto runs = MlflowReader().read(store, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(1));  // the deleted run is left out
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("Default/cosine-small"));
    QCOMPARE(run.format, QStringLiteral("mlflow"));
    const Series& loss = *run.find("loss");
    QCOMPARE(loss.key, QStringLiteral("train/loss"));  // metrics/train/loss: a nested key
    QCOMPARE(loss.steps, (std::vector<std::int64_t>{0, 1, 2}));
    QCOMPARE(loss.values[1], 2.25);
    QVERIFY(std::isnan(loss.values[2]));
    QCOMPARE(loss.wallTime, (std::vector<double>{1700000000.0, 1700000001.0, 1700000002.0}));
    QCOMPARE(run.find("lr")->values, (std::vector<double>{0.0003, 0.0002, 1e-05}));
    QVERIFY(hasWarning(
        run, {"series 'loss': NaN/inf values kept as gaps: 1 NaN, 0 inf (first at step 2)"}));
  }

  void experimentRunAndMetricPaths() {
    const auto experiment = MlflowReader().read(test::testDataPath("io/mlflow/mlruns/0"), {});
    QVERIFY(experiment.ok());
    QCOMPARE(experiment->size(), std::size_t(1));
    const auto run = MlflowReader().read(test::testDataPath(kRun), {});
    QVERIFY(run.ok());
    QCOMPARE(run->front().series.size(), std::size_t(2));
    const QString metric = test::testDataPath(kRun + "/metrics/lr");
    QCOMPARE(detectLogFormat(metric), QStringLiteral("mlflow"));
    const auto one = MlflowReader().read(metric, {});
    QVERIFY(one.ok());
    QCOMPARE(one->front().series.size(), std::size_t(1));
    QCOMPARE(one->front().name, QStringLiteral("Default/cosine-small"));
    // Walking a parent folder finds the store as a whole.
    const LoadedLogs logs = readLogs({test::testDataPath("io/mlflow")});
    QCOMPARE(logs.runs.size(), std::size_t(1));
    QVERIFY(logs.errors.isEmpty());
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("points");  // -1: reading fails
    QTest::newRow("empty file") << QByteArray() << "metrics/loss: no values)" << -1;
    QTest::newRow("binary garbage")
        << QByteArray("\x01\x02\x03\x04\x05\x06\n", 7)
        << "metrics/loss: line 1: 1 fields, expected 'timestamp value step'; skipped" << -1;
    QTest::newRow("legacy two fields") << QByteArray("1700000000000 2.5\n") << QString() << 1;
    QTest::newRow("four fields")
        << QByteArray("1 2 3 4\n1700000000000 2.5 1\n")
        << "loss: line 1: 4 fields, expected 'timestamp value step'; skipped" << 1;
    QTest::newRow("string value") << QByteArray("1 abc 0\n2 1.5 1\n")
                                  << "loss: line 1: field 'value': 'abc' is not a number; skipped"
                                  << 1;
    QTest::newRow("string step")
        << QByteArray("1 1.0 x\n2 1.5 1\n")
        << "loss: line 1: field 'step': 'x' is not an integer step; skipped" << 1;
    QTest::newRow("truncated last line")
        << QByteArray("1 2.5 0\n2 2.25 1\n3 2.1") << "loss: line 3: last line has no line end" << 2;
    QTest::newRow("decreasing steps")
        << QByteArray("1 3 0\n2 2 5\n3 2.5 3\n") << "step went back from 5 to 3 (a restart)" << 2;
    QTest::newRow("duplicate steps")
        << QByteArray("1 3 0\n2 2 0\n")
        << "1 repeated steps with a different value (first at step 0)" << 1;
    QTest::newRow("nan inf") << QByteArray("1 nan 0\n2 inf 1\n3 -inf 2\n")
                             << "NaN/inf values kept as gaps: 1 NaN, 2 inf" << 3;
    QTest::newRow("CRLF and BOM") << QByteArray(
                                         "\xEF\xBB\xBF"
                                         "1 2.5 0\r\n2 2.0 1\r\n")
                                  << QString() << 2;
  }

  void badInput() {
    QFETCH(QByteArray, lines);
    QFETCH(QString, message);
    QFETCH(int, points);
    QTemporaryDir dir;
    const QString metric = storeWithLoss(dir, lines);
    const auto runs = MlflowReader().read(dir.filePath("mlruns"), {});
    if (points < 0) {
      QVERIFY2(!runs.ok(), "expected an error");
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(dir.filePath("mlruns")),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    if (!message.isEmpty())
      QVERIFY2(hasWarning(runs->front(), {message}), qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), points);
    (void)metric;
  }

  void hundredMegabyteLine() {
    QTemporaryDir dir;
    const QString metric = storeWithLoss(dir, "1 2.5 0\n");
    {
      QFile f(metric);
      QVERIFY(f.open(QIODevice::Append));
      f.write(QByteArray(100 << 20, '9'));
      f.write("\n3 2.0 1\n");
    }
    const auto runs = MlflowReader().read(dir.filePath("mlruns"), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->front().find("loss")->steps, (std::vector<std::int64_t>{0, 1}));
    QVERIFY(hasWarning(runs->front(), {"loss: line 2: longer than 16 MiB; skipped"}));
  }

  void notAStore() {
    QTemporaryDir dir;
    writeFile(dir, "plain/readme.txt", "nothing here\n");
    QCOMPARE(MlflowReader().canRead(dir.filePath("plain"), {}), 0.0);
    const auto runs = MlflowReader().read(dir.filePath("plain"), {});
    QVERIFY(!runs.ok());
    QVERIFY(runs.error().contains("no MLflow run (a folder with meta.yaml and metrics/) found"));
  }
};

QTEST_GUILESS_MAIN(TestMlflowReader)
#include "test_mlflow_reader.moc"
