// Weights & Biases: a chart panel's CSV export (runs, __MIN/__MAX bands, blank cells, per-run
// _step columns) and history JSONL (system keys, media objects, nested keys, NaN), with their
// bad-input tables.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "io/log_registry.h"
#include "io/wandb_reader.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::valueAt;
using lrscope::test::writeFile;

class TestWandbReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsPanelExport() {
    const QString path = test::testDataPath("io/wandb/panel_export.csv");
    QCOMPARE(detectLogFormat(path), QStringLiteral("wandb-csv"));
    const auto runs = WandbCsvReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(2));
    const Run& cosine = runs->at(0);
    const Run& wsd = runs->at(1);
    QCOMPARE(cosine.name, QStringLiteral("cosine-run"));
    QCOMPARE(wsd.name, QStringLiteral("wsd-run"));
    QCOMPARE(cosine.find("loss")->steps, (std::vector<std::int64_t>{0, 100, 200}));
    QCOMPARE(cosine.find("loss")->key, QStringLiteral("cosine-run - train/loss"));
    QCOMPARE(cosine.find("loss__MIN")->values, (std::vector<double>{4.4, 3.4, 2.9}));
    QCOMPARE(cosine.find("loss__MAX")->values, (std::vector<double>{4.6, 3.6, 3.1}));
    // Blank cells: wsd-run has no point at step 100.
    QCOMPARE(wsd.find("loss")->steps, (std::vector<std::int64_t>{0, 200}));
    QVERIFY2(wsd.warnings.isEmpty(), qPrintable(wsd.warnings.join('\n')));
  }

  void perRunStepColumnsAndGroups() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "export.csv",
                                   "\"epoch\",\"a - _step\",\"a - loss\",\"Group: big - loss\"\n"
                                   "\"0.5\",\"10\",\"2.0\",\"3.0\"\n"
                                   "\"1.0\",\"20\",\"1.5\",\"\"\n");
    const auto runs = WandbCsvReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->size(), std::size_t(1));  // the group's x (epoch 0.5) is not an integer step
    QCOMPARE(runs->front().find("loss")->steps, (std::vector<std::int64_t>{10, 20}));
    QVERIFY(hasWarning(runs->front(), {"export.csv: line 2: field 'epoch': '0.5' is not an integer "
                                       "step; cells using it skipped"}));
  }

  void panelBadInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("points");  // of run a's loss; -1: fails
    QTest::newRow("header only") << QByteArray("\"Step\",\"a - loss\"\n") << "header only (line 1)"
                                 << -1;
    QTest::newRow("text in a cell")
        << QByteArray("Step,a - loss\n0,1.0\n1,NaNx\n2,0.5\n")
        << "line 3: field 'a - loss': 'NaNx' is not a number; cell skipped" << 2;
    QTest::newRow("a column without run") << QByteArray("Step,a - loss,other\n0,1.0,5\n")
                                          << "column 'other' is not '<run> - <key>'; ignored" << 1;
    QTest::newRow("truncated") << QByteArray("Step,a - loss,b - loss\n0,1.0,2.0\n1,0.5")
                               << "line 3: last line cut off (2 of 3 fields, no line end)" << 1;
  }

  void panelBadInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, points);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "panel.csv", bytes);
    const auto runs = WandbCsvReader().read(path, {});
    if (points < 0) {
      QVERIFY(!runs.ok());
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(path),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QVERIFY2(hasWarning(runs->front(), {"panel.csv", message}),
             qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), points);
  }

  void readsHistoryJsonl() {
    const QString path = test::testDataPath("io/wandb/history.jsonl");
    QCOMPARE(detectLogFormat(path), QStringLiteral("wandb-jsonl"));
    const auto runs = WandbJsonlReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("history"));
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{0, 1, 2}));
    QVERIFY(std::isnan(valueAt(run, "loss", 2)));
    QCOMPARE(run.find("loss")->wallTime,
             (std::vector<double>{1644345412, 1644345413.5, 1644345415}));
    QCOMPARE(run.find("lr")->key, QStringLiteral("train/lr"));
    QCOMPARE(valueAt(run, "val/loss", 2), 3.75);  // {"val": {"loss": ...}} is val.loss
    // System keys, the media table and the note are not series.
    QCOMPARE(run.series.size(), std::size_t(3));
  }

  void jsonlBadInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("points");
    QTest::newRow("empty") << QByteArray() << "history.jsonl: the file is empty" << -1;
    QTest::newRow("binary garbage")
        << QByteArray("{\x00\x01\x02", 4) << "history.jsonl: binary data" << -1;
    QTest::newRow("only system keys") << QByteArray("{\"_step\": 1, \"_runtime\": 2}\n")
                                      << "history.jsonl: no numeric values in 1 JSON lines" << -1;
    QTest::newRow("not JSON")
        << QByteArray("{\"_step\": 0, \"loss\": 1}\nhello\n{\"_step\": 1, \"loss\": 2}\n")
        << "history.jsonl: line 2: not JSON (" << 2;
    QTest::newRow("truncated last line")
        << QByteArray("{\"_step\": 0, \"loss\": 1}\n{\"_step\": 1, \"lo")
        << "history.jsonl: line 2: last line cut off" << 1;
    QTest::newRow("string step")
        << QByteArray("{\"_step\": \"x\", \"loss\": 1}\n{\"_step\": 1, \"loss\": 2}\n")
        << "history.jsonl: line 1: field '_step': 'x' is not an integer step" << 1;
    QTest::newRow("no _step")
        << QByteArray("{\"loss\": 1}\n{\"loss\": 2}\n")
        << "2 lines without '_step': their line index among the records is the step" << 2;
    QTest::newRow("restart") << QByteArray(
                                    "{\"_step\": 0, \"loss\": 3}\n{\"_step\": 1, \"loss\": "
                                    "2}\n{\"_step\": 0, \"loss\": 2.5}\n")
                             << "series 'loss': step went back from 1 to 0 (a restart)" << 1;
    QTest::newRow("Infinity") << QByteArray("{\"_step\": 0, \"loss\": Infinity}\n")
                              << "NaN/inf values kept as gaps: 0 NaN, 1 inf" << 1;
    QTest::newRow("CRLF and BOM")
        << QByteArray("\xEF\xBB\xBF{\"_step\": 0, \"loss\": 3}\r\n{\"_step\": 1, \"loss\": 2}\r\n")
        << QString() << 2;
  }

  void jsonlBadInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, points);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "history.jsonl", bytes);
    const auto runs = WandbJsonlReader().read(path, {});
    if (points < 0) {
      QVERIFY(!runs.ok());
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(path),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    if (!message.isEmpty())
      QVERIFY2(hasWarning(runs->front(), {message}), qPrintable(runs->front().warnings.join('\n')));
    else
      QVERIFY2(runs->front().warnings.isEmpty(), qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), points);
  }
};

QTEST_GUILESS_MAIN(TestWandbReader)
#include "test_wandb_reader.moc"
