// Plain-text console logs: every regex preset on its documented example line, the sample logs in
// tests/data/io/text (nanoGPT, Megatron-LM with its validation lines, torchtitan with ANSI colours,
// Hugging Face console dicts), and the bad-input table.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "io/log_registry.h"
#include "io/text_log_patterns.h"
#include "io/text_log_reader.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::hasWarning;
using lrscope::test::valueAt;
using lrscope::test::writeFile;

class TestTextLogReader : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyPresetReadsItsExample() {
    QTemporaryDir dir;
    for (const TextLogPattern& p : textLogPatterns()) {
      const QString path = writeFile(dir, p.name + ".log", p.example.toUtf8() + "\n");
      QCOMPARE(detectLogFormat(path), QStringLiteral("text"));
      const auto runs = TextLogReader().read(path, {});
      QVERIFY2(runs.ok(), qPrintable(p.name + ": " + runs.error()));
      QVERIFY2(!runs->front().series.empty(), qPrintable(p.name));
    }
  }

  void nanoGpt() {
    const auto runs = TextLogReader().read(test::testDataPath("io/text/nanogpt.log"), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{0, 10, 20, 30}));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{10.9903, 9.6144, 8.8911, 8.1190}));
    QCOMPARE(run.find("val/loss")->values, (std::vector<double>{10.9874, 8.7230}));
    QCOMPARE(valueAt(run, "eval/train_loss", 20), 8.7012);
    QVERIFY(!run.find("lr"));  // nanoGPT does not print it
  }

  void megatron() {
    const auto runs = TextLogReader().read(test::testDataPath("io/text/megatron.log"), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.find("lr")->values, (std::vector<double>{1.5e-06, 3e-06, 4.5e-06}));
    QCOMPARE(run.find("lr")->key, QStringLiteral("learning rate"));
    QCOMPARE(run.find("loss")->values, (std::vector<double>{10.96543, 10.89012, 10.721}));
    QCOMPARE(valueAt(run, "grad_norm", 2), 10.1);
    QVERIFY(std::isnan(valueAt(run, "grad_norm", 3)));
    QCOMPARE(valueAt(run, "consumed samples", 3), 1536.0);
    QCOMPARE(valueAt(run, "elapsed time per iteration (ms)", 1), 9123.4);
    QCOMPARE(run.find("val/loss")->steps, (std::vector<std::int64_t>{3}));
    QCOMPARE(valueAt(run, "val/loss", 3), 10.7);
  }

  void torchtitanWithAnsiColours() {
    const auto runs = TextLogReader().read(test::testDataPath("io/text/torchtitan.log"), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.find("loss")->values, (std::vector<double>{12.2363, 11.0125}));
    QCOMPARE(run.find("grad_norm")->steps, (std::vector<std::int64_t>{2}));
    QCOMPARE(run.series.size(),
             std::size_t(2));  // memory 21.50GiB, tps 1,234, mfu 3.95% are not read
  }

  void huggingFaceConsole() {
    const auto runs = TextLogReader().read(test::testDataPath("io/text/hf_console.log"), {});
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    const Run& run = runs->front();
    QCOMPARE(run.find("loss")->steps, (std::vector<std::int64_t>{1, 2}));
    QCOMPARE(run.find("lr")->values, (std::vector<double>{5e-05, 2.5e-05}));
    QCOMPARE(valueAt(run, "val/loss", 3), 1.85);
    QVERIFY(!run.find("train_runtime") && !run.find("train_loss"));
    QVERIFY(
        hasWarning(run, {"hf_console.log: pattern 'hf-console' lines carry no step: the n-th such "
                         "line (from 1) is step n"}));
  }

  void badInput_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("lossPoints");
    QTest::newRow("empty") << QByteArray() << "train.log: the file is empty" << -1;
    QTest::newRow("binary garbage")
        << QByteArray("iter 1: loss \x00\x01\x02", 16) << "train.log: binary data" << -1;
    QTest::newRow("no pattern") << QByteArray("hello\nworld\n")
                                << "train.log: no line matches a known log pattern" << -1;
    QTest::newRow("cut-off last line")
        << QByteArray("iter 0: loss 4.5\niter 10: loss 4.2\niter 20: loss 4.")
        << "train.log: line 3: last line has no line end" << 2;
    QTest::newRow("restart") << QByteArray(
                                    "iter 0: loss 4.5\niter 10: loss 4.2\niter 5: loss 4.3\n")
                             << "series 'loss': step went back from 10 to 5 (a restart)" << 2;
    QTest::newRow("nan loss") << QByteArray(
                                     "iter 0: loss nan, time 1ms\niter 1: loss 4.0, time 1ms\n")
                              << "NaN/inf values kept as gaps: 1 NaN, 0 inf (first at step 0)" << 2;
    QTest::newRow("huge step")
        << QByteArray("iter 99999999999999999999: loss 4.0\niter 1: loss 3.0\n")
        << "line 1: field 'step': '99999999999999999999' is not an integer step" << 1;
    QTest::newRow("CRLF") << QByteArray("iter 0: loss 4.5\r\niter 10: loss 4.25\r\n") << QString()
                          << 2;
  }

  void badInput() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QFETCH(int, lossPoints);
    QTemporaryDir dir;
    const QString path = writeFile(dir, "train.log", bytes);
    const auto runs = TextLogReader().read(path, {});
    if (lossPoints < 0) {
      QVERIFY(!runs.ok());
      QVERIFY2(runs.error().contains(message) && runs.error().startsWith(path),
               qPrintable(runs.error()));
      return;
    }
    QVERIFY2(runs.ok(), qPrintable(runs.error()));
    if (!message.isEmpty())
      QVERIFY2(hasWarning(runs->front(), {message}), qPrintable(runs->front().warnings.join('\n')));
    QCOMPARE(static_cast<int>(runs->front().find("loss")->size()), lossPoints);
    if (message.isEmpty()) QCOMPARE(valueAt(runs->front(), "loss", 10), 4.25);
  }
};

QTEST_GUILESS_MAIN(TestTextLogReader)
#include "test_text_log_reader.moc"
