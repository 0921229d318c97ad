// `lrscope inspect PATH...`, run as a user would: per run its series with point counts, step
// ranges, intervals, gaps, NaN/inf and restarts, the reader's warnings, the inferred LR schedule,
// folders, forced formats and column roles, and the errors (exit status, message naming the file).
#include <QTemporaryDir>
#include <QtTest>

#include "lrscope_test.h"

using lrscope::test::runLrscope;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
  QFile file(dir.filePath(name));
  if (!file.open(QIODevice::WriteOnly)) return {};
  file.write(bytes);
  return file.fileName();
}

// The table row of `series` in the output, its fields split on blanks (the name first).
QStringList row(const QByteArray& out, const QString& series) {
  for (const QByteArray& line : out.split('\n')) {
    const QString text = QString::fromUtf8(line).trimmed();
    if (text.startsWith(series + QLatin1Char(' ')))
      return text.mid(series.size()).split(' ', Qt::SkipEmptyParts);
  }
  return {};
}

}  // namespace

class TestCliInspect : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void csvWithRestartNanAndGap() {
    QTemporaryDir dir;
    // loss: steps 0,10,20,30, then a restart back to 20, a NaN at 40, a missing 50 (gap 40..60).
    const QString path =
        writeFile(dir, "run.csv",
                  "step,lr,loss\n0,0.1,5\n10,0.1,4\n20,0.1,3\n30,0.1,2.5\n20,0.1,3.1\n"
                  "30,0.1,2.6\n40,0.1,nan\n60,0.1,2.0\n");
    const auto r = runLrscope({"inspect", path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("run run  (csv: " + path.toUtf8() + ")\n"), r.out.constData());
    // points, steps, interval, gaps, NaN, inf, restarts
    QCOMPARE(row(r.out, "loss"), (QStringList{"6", "0..60", "10", "1", "1", "0", "1"}));
    QCOMPARE(row(r.out, "lr"), (QStringList{"6", "0..60", "10", "1", "0", "0", "1"}));
    QVERIFY(r.out.contains("  gaps in loss: 1, widest 40..60\n"));
    QVERIFY(r.out.contains("  restarts in loss: 1, 2 points replaced\n"));
    QVERIFY(r.out.contains("  warnings:\n    " + path.toUtf8() + ": series 'lr': step went back"));
    QVERIFY(r.out.contains(
        "\n    " + path.toUtf8() +
        ": series 'loss': step went back from 30 to 20 (a restart); the 2 earlier points"));
    QVERIFY(r.out.contains(
        ": series 'loss': NaN/inf values kept as gaps: 1 NaN, 0 inf (first at step 40)"));
    QVERIFY(r.err.isEmpty());
  }

  void realCurveWithInferredSchedule() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const QString path = lrscope::test::sharedDataPath("mpl-luo2025/csv_25/wsd_20000_24000.csv");
    const auto r = runLrscope({"inspect", path, "--infer-lr", "--total-steps", "24000"});
    QCOMPARE(r.exitCode, 0);
    // 170 points from 2176 to 23904 every 128 steps, one missing near 20000 (README).
    QCOMPARE(row(r.out, "loss"), (QStringList{"170", "2176..23904", "128", "1", "0", "0", "0"}));
    QVERIFY(r.out.contains("  gaps in loss: 1, widest 19840..20064\n"));
    QVERIFY2(r.out.contains(
                 "  lr schedule: wsd decay_shape=exponential decay_steps=4000 min_lr=2.99999"),
             r.out.constData());
    QVERIFY(r.out.contains("total_steps=24000 warmup_steps=0  (residual: rms "));
  }

  void everyFormatThroughOneCommand() {
    const QString data = lrscope::test::testDataPath("io");
    const auto r = runLrscope({"inspect", data + "/hf/trainer_state.json", data + "/mlflow/mlruns",
                               data + "/lightning", data + "/wandb", data + "/text/nanogpt.log"});
    QCOMPARE(r.exitCode, 0);
    for (const char* header :
         {"run hf  (hf-trainer-state: ", "run Default/cosine-small  (mlflow: ",
          "run lightning_logs/version_0  (lightning: ", "run cosine-run  (wandb-csv: ",
          "run wsd-run  (wandb-csv: ", "run history  (wandb-jsonl: ", "run nanogpt  (text: "})
      QVERIFY2(r.out.contains(header), header);
    QVERIFY(r.out.contains("skipped (format not recognised): 1\n"));  // hparams.yaml
  }

  void formatAndColumnOptions() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "odd.log", "k rate\n3 0.5\n4 0.25\n");
    const auto r = runLrscope(
        {"inspect", path, "--format", "csv", "--column", "k=step", "--column", "rate=lr"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(row(r.out, "lr"), (QStringList{"2", "3..4", "1", "0", "0", "0", "0"}));
  }

  void errors() {
    QTemporaryDir dir;
    const QString empty = writeFile(dir, "empty.csv", "");
    const QString good = writeFile(dir, "good.csv", "step,loss\n0,1\n");
    auto r = runLrscope({"inspect", empty, good});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("run good  (csv: "));  // the readable one is still shown
    QCOMPARE(r.err, "lrscope: " + empty.toUtf8() + ": the file is empty\n");
    r = runLrscope({"inspect"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("lrscope: inspect: give at least one log file or folder"));
    r = runLrscope({"inspect", good, "--column", "nonsense"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("lrscope: --column 'nonsense': expected COLUMN=ROLE"));
    r = runLrscope({"inspect", good, "--bogus"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("inspect: unknown or incomplete option '--bogus'"));
    r = runLrscope({"inspect", good, "--format", "excel"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("lrscope: unknown log format 'excel' (known: "));
    r = runLrscope({"inspect", "--help"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("usage: lrscope inspect PATH..."));
    r = runLrscope({"--help"});
    QVERIFY(r.out.contains("lrscope inspect PATH..."));
  }
};

QTEST_GUILESS_MAIN(TestCliInspect)
#include "test_cli_inspect.moc"
