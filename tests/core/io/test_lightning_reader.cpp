// PyTorch Lightning CSVLogger metrics.csv: the documented sparse fixture (doc §2.5), run naming,
// detection, and its bad-input cases (the table rules are the CSV reader's, tested there).
#include <QTemporaryDir>
#include <QTest>

#include "io/lightning_reader.h"
#include "io/log_registry.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::writeFile;

class TestLightningReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTheDocumentedFixture() {
    const QString path = test::testDataPath("io/lightning/lightning_logs/version_0/metrics.csv");
    QCOMPARE(detectLogFormat(path), QStringLiteral("lightning"));
    const auto runs = LightningReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("lightning_logs/version_0"));
    QCOMPARE(run.format, QStringLiteral("lightning"));
    QCOMPARE(run.find("lr")->key, QStringLiteral("lr-AdamW"));
    QCOMPARE(run.find("lr")->steps, (std::vector<std::int64_t>{49}));
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{49, 99}));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{2.31, 2.02}));
    QCOMPARE(run.find("val/loss")->values, (std::vector<double>{2.10}));
    // epoch 0 on two rows of a step merges without a warning.
    QCOMPARE(run.find("epoch")->steps, (std::vector<std::int64_t>{49, 99}));
    QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
  }

  void folderWalkFindsIt() {
    const LoadedLogs logs = readLogs({test::testDataPath("io/lightning")});
    QVERIFY(logs.errors.isEmpty());
    QCOMPARE(logs.runs.size(), std::size_t(1));
    QCOMPARE(logs.runs[0].format, QStringLiteral("lightning"));
    QCOMPARE(logs.skipped.size(), 1);  // hparams.yaml
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("lossPoints");
    QTest::newRow("empty") << QByteArray() << "metrics.csv: the file is empty" << -1;
    QTest::newRow("header only") << QByteArray("epoch,step,train_loss\n")
                                 << "metrics.csv: header only (line 1), no data rows" << -1;
    QTest::newRow("same step, two losses") << QByteArray("step,train_loss\n49,2.3\n49,2.2\n")
                                           << "series 'loss': 1 repeated steps with a different "
                                              "value (first at step 49); the later value kept"
                                           << 1;
    QTest::newRow("text in a metric")
        << QByteArray("step,train_loss\n49,2.3\n99,oops\n")
        << "metrics.csv: line 3: field 'train_loss': 'oops' is not a number" << 1;
    QTest::newRow("no step column")
        << QByteArray("epoch,train_loss\n0,2.3\n") << "metrics.csv: no step column" << 1;
  }

  void badInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, lossPoints);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "logs/version_3/metrics.csv", bytes);
    const auto runs = LightningReader().read(path, {});
    if (lossPoints < 0) {
      QVERIFY(!runs.ok());
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(path),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->front().name, QStringLiteral("logs/version_3"));
    QVERIFY2(hasWarning(runs->front(), {message}), qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), lossPoints);
  }
};

QTEST_GUILESS_MAIN(TestLightningReader)
#include "test_lightning_reader.moc"
