// Hugging Face trainer_state.json: the documented fixture (doc §2.4), output folders with
// checkpoint-N, NaN/Infinity as Python's json writes them, and the bad-input table.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "io/hf_trainer_state_reader.h"
#include "io/log_registry.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::valueAt;
using lrscope::test::writeFile;

class TestHfTrainerStateReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTheDocumentedFixture() {
    const QString path = test::testDataPath("io/hf/trainer_state.json");
    QCOMPARE(detectLogFormat(path), QStringLiteral("hf-trainer-state"));
    const auto runs = HfTrainerStateReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.name, QStringLiteral("hf"));
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{10, 20}));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{2.3456, 1.9}));
    QCOMPARE(run.find("lr")->values, (std::vector<double>{5e-05, 2.5e-05}));
    QCOMPARE(run.find("lr")->key, QStringLiteral("learning_rate"));
    QCOMPARE(run.find("val/loss")->steps, (std::vector<std::int64_t>{20}));
    QCOMPARE(valueAt(run, "grad_norm", 20), 1.1);
    QCOMPARE(valueAt(run, "eval_runtime", 20), 1.2);
    // The final summary entry is left out; epoch 1.0 at step 20 twice merges silently.
    QVERIFY(!run.find("train_loss") && !run.find("train_runtime") && !run.find("total_flos"));
    QCOMPARE(run.find("epoch")->values, (std::vector<double>{0.5, 1.0}));
    QVERIFY2(run.warnings.isEmpty(), qPrintable(run.warnings.join('\n')));
  }

  // A folder: the latest checkpoint's history, with NaN and Infinity kept.
  void outputFolderReadsLatestCheckpoint() {
    const QString folder = test::testDataPath("io/hf/output");
    const LoadedLogs logs = readLogs({folder});
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QCOMPARE(logs.runs.size(), std::size_t(1));
    const Run& run = logs.runs.front();
    QCOMPARE(run.name, QStringLiteral("output"));
    QVERIFY(run.source.endsWith("checkpoint-20/trainer_state.json"));
    QCOMPARE(run.find("loss")->size(), std::size_t(2));
    QVERIFY(std::isnan(valueAt(run, "loss", 20)));
    QCOMPARE(valueAt(run, "grad_norm", 20), HUGE_VAL);
    QVERIFY(hasWarning(
        run, {"series 'loss': NaN/inf values kept as gaps: 1 NaN, 0 inf (first at step 20)"}));
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("lossPoints");  // -1: reading fails
    QTest::newRow("empty file") << QByteArray() << "trainer_state.json: the file is empty" << -1;
    QTest::newRow("binary garbage") << QByteArray("\x00\x01\x02\xff\xfe{", 6)
                                    << "trainer_state.json: binary data, not JSON" << -1;
    QTest::newRow("truncated")
        << QByteArray("{\"log_history\": [\n  {\"loss\": 2.0, \"step\": 1},\n  {\"loss\": 1.")
        << "trainer_state.json: line 3, column" << -1;
    QTest::newRow("no log_history")
        << QByteArray("{\"global_step\": 5}")
        << "trainer_state.json: field 'log_history': missing or not an array" << -1;
    QTest::newRow("empty history")
        << QByteArray("{\"log_history\": []}")
        << "trainer_state.json: field 'log_history': no logged values (0 entries)" << -1;
    QTest::newRow("string in a numeric field")
        << QByteArray(
               "{\"log_history\": [{\"loss\": \"abc\", \"step\": 1}, {\"loss\": 1.5, \"step\": "
               "2}]}")
        << "trainer_state.json: log_history[0].loss: 'abc' is not a number; skipped" << 1;
    QTest::newRow("entry without step")
        << QByteArray("{\"log_history\": [{\"loss\": 2.0}, {\"loss\": 1.5, \"step\": 2}]}")
        << "trainer_state.json: log_history[0].step: nothing is not an integer step; entry skipped"
        << 1;
    QTest::newRow("entry not an object")
        << QByteArray("{\"log_history\": [3, {\"loss\": 1.5, \"step\": 2}]}")
        << "trainer_state.json: log_history[0]: not an object; skipped" << 1;
    QTest::newRow("decreasing steps")
        << QByteArray(
               "{\"log_history\": [{\"loss\": 3, \"step\": 10}, {\"loss\": 2, \"step\": 20}, "
               "{\"loss\": 2.5, \"step\": 15}]}")
        << "series 'loss': step went back from 20 to 15 (a restart)" << 2;
    QTest::newRow("duplicate steps")
        << QByteArray(
               "{\"log_history\": [{\"loss\": 3, \"step\": 10}, {\"loss\": 2, \"step\": 10}]}")
        << "series 'loss': 1 repeated steps with a different value (first at step 10)" << 1;
    QTest::newRow("NaN and -Infinity")
        << QByteArray(
               "{\"log_history\": [{\"loss\": NaN, \"step\": 1}, {\"loss\": -Infinity, \"step\": "
               "2}]}")
        << "series 'loss': NaN/inf values kept as gaps: 1 NaN, 1 inf (first at step 1)" << 2;
    QTest::newRow("NaN inside a string is text")
        << QByteArray("{\"log_history\": [{\"note\": \"NaN Infinity\", \"loss\": 1, \"step\": 1}]}")
        << "log_history[0].note: 'NaN Infinity' is not a number; skipped" << 1;
    QTest::newRow("UTF-8 BOM and CRLF")
        << QByteArray(
               "\xEF\xBB\xBF{\"log_history\": [\r\n{\"loss\": 1, \"step\": 1},\r\n{\"loss\": 0.5, "
               "\"step\": 2}]}\r\n")
        << QString() << 2;
  }

  void badInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, lossPoints);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "trainer_state.json", bytes);
    const auto runs = HfTrainerStateReader().read(path, {});
    if (lossPoints < 0) {
      QVERIFY2(!runs.ok(), "expected an error");
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(path),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    if (!message.isEmpty())
      QVERIFY2(hasWarning(runs->front(), {message}), qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), lossPoints);
  }

  // A 100 MB value inside the JSON (one line): parsed, the field skipped, the losses kept.
  void hundredMegabyteLine() {
    QTemporaryDir dir;
    const QByteArray big(100 << 20, 'x');
    const QString path = writeFile(dir, "trainer_state.json",
                                   "{\"log_history\": [{\"loss\": 2.0, \"step\": 1, \"blob\": \"" +
                                       big + "\"}, {\"loss\": 1.0, \"step\": 2}]}");
    const auto runs = HfTrainerStateReader().read(path, {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(runs->front().find("loss")->values, (std::vector<double>{2.0, 1.0}));
    QVERIFY(hasWarning(runs->front(), {"log_history[0].blob: 'xxxx", "is not a number; skipped"}));
  }

  void utf16IsDecoded() {
    QTemporaryDir dir;
    const QString text = QStringLiteral("{\"log_history\": [{\"loss\": 1.25, \"step\": 3}]}");
    QByteArray bytes("\xFF\xFE");
    for (QChar c : text) bytes += QByteArray(reinterpret_cast<const char*>(&c), 2);
    const auto runs = HfTrainerStateReader().read(writeFile(dir, "trainer_state.json", bytes), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    QCOMPARE(valueAt(runs->front(), "loss", 3), 1.25);
  }
};

QTEST_GUILESS_MAIN(TestHfTrainerStateReader)
#include "test_hf_trainer_state_reader.moc"
