// One API for every format: detection by name and content, folder walking (a mixed tree, the
// folders a reader claims whole, skipped files), forced formats, errors per path, progress and
// cancel, and the background loader for the GUI.
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <mutex>
#include <thread>

#include "io/log_loader.h"
#include "io/log_registry.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::writeFile;

namespace {

// Copies tests/data/io/<folder> into `dir`, keeping the folder names.
void copyFixtures(const QTemporaryDir& dir, const QString& folder) {
  const QString root = test::testDataPath("io/" + folder);
  QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    writeFile(dir, folder + "/" + QDir(root).relativeFilePath(file), in.readAll());
  }
}

QByteArray bigCsv(int rows) {
  QByteArray csv = "step,loss\n";
  for (int i = 0; i < rows; ++i)
    csv += QByteArray::number(i) + "," + QByteArray::number(1.0 / (i + 1), 'g', 17) + "\n";
  return csv;
}

}  // namespace

class TestLogRegistry : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void detectsEveryFixture_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << "csv/basic.csv"
                         << "csv";
    QTest::newRow("tsv") << "csv/tabs.tsv"
                         << "csv";
    QTest::newRow("whitespace .dat") << "csv/whitespace.dat"
                                     << "csv";
    QTest::newRow("trainer_state.json") << "hf/trainer_state.json"
                                        << "hf-trainer-state";
    QTest::newRow("HF output folder") << "hf/output"
                                      << "hf-trainer-state";
    QTest::newRow("mlruns") << "mlflow/mlruns"
                            << "mlflow";
    QTest::newRow("MLflow run folder") << "mlflow/mlruns/0/3f2a9c1e5b7d4e0f8a6b2c4d1e3f5a7b"
                                       << "mlflow";
    QTest::newRow("Lightning metrics.csv") << "lightning/lightning_logs/version_0/metrics.csv"
                                           << "lightning";
    QTest::newRow("W&B panel export") << "wandb/panel_export.csv"
                                      << "wandb-csv";
    QTest::newRow("W&B history") << "wandb/history.jsonl"
                                 << "wandb-jsonl";
    QTest::newRow("nanoGPT") << "text/nanogpt.log"
                             << "text";
    QTest::newRow("Megatron") << "text/megatron.log"
                              << "text";
    QTest::newRow("torchtitan") << "text/torchtitan.log"
                                << "text";
    QTest::newRow("HF console") << "text/hf_console.log"
                                << "text";
    QTest::newRow("a folder of CSVs is walked, not claimed") << "csv"
                                                             << "";
    QTest::newRow("no such path") << "nowhere.csv"
                                  << "";
  }

  void detectsEveryFixture() {
    QFETCH(QString, path);
    QFETCH(QString, format);
    QCOMPARE(detectLogFormat(test::testDataPath("io/" + path)), format);
  }

  // A tree holding one log of each kind: every run found once, the rest listed as skipped.
  void walksAMixedTree() {
    QTemporaryDir dir;
    for (const char* folder : {"csv", "hf", "mlflow", "lightning", "wandb", "text"})
      copyFixtures(dir, folder);
    writeFile(dir, "notes/readme.md", "# notes\nnothing to load\n");
    writeFile(dir, ".hidden/ignored.csv", "step,loss\n0,1\n");
    const LoadedLogs logs = readLogs({dir.path()});
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QStringList formats;
    for (const Run& run : logs.runs) formats << run.format;
    // csv: 7 files, long_format.csv holds two runs; hf: the folder (its trainer_state.json and
    // output/ with the latest checkpoint are one claim); mlflow: one live run; lightning: 1;
    // wandb: 2 runs in the export + the history; text: 4 logs.
    QCOMPARE(formats.count("csv"), 8);
    QCOMPARE(formats.count("hf-trainer-state"), 1);
    QCOMPARE(formats.count("mlflow"), 1);
    QCOMPARE(formats.count("lightning"), 1);
    QCOMPARE(formats.count("wandb-csv"), 2);
    QCOMPARE(formats.count("wandb-jsonl"), 1);
    QCOMPARE(formats.count("text"), 4);
    QCOMPARE(logs.runs.size(), std::size_t(18));
    QStringList skipped;
    for (const QString& s : logs.skipped) skipped << QFileInfo(s).fileName();
    skipped.sort();
    QCOMPARE(skipped, (QStringList{"hparams.yaml", "readme.md"}));
  }

  void errorsNameEachPathAndTheRestLoads() {
    QTemporaryDir dir;
    const QString good = writeFile(dir, "good.csv", "step,loss\n0,1\n");
    const QString empty = writeFile(dir, "empty.csv", "");
    const QString unknown = writeFile(dir, "words.txt", "hello there\n");
    writeFile(dir, "nothing/readme.md", "text\n");
    const LoadedLogs logs =
        readLogs({good, empty, unknown, dir.filePath("missing.csv"), dir.filePath("nothing")});
    QCOMPARE(logs.runs.size(), std::size_t(1));
    QCOMPARE(logs.errors.size(), 4);
    QCOMPARE(logs.errors[0], empty + ": the file is empty");
    QVERIFY(logs.errors[1].startsWith(
        unknown + ": cannot tell the log format (known formats: hf-trainer-state, "));
    QCOMPARE(logs.errors[2], dir.filePath("missing.csv") + ": no such file or folder");
    QCOMPARE(logs.errors[3], dir.filePath("nothing") + ": no training log found in this folder");
  }

  void forcedFormat() {
    QTemporaryDir dir;
    const QString path = writeFile(dir, "metrics.log", "epoch step loss\n0 5 2.5\n");
    ReadOptions options;
    options.format = "csv";
    const LoadedLogs logs = readLogs({path}, {}, options);
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QCOMPARE(logs.runs.front().find("loss")->steps, (std::vector<std::int64_t>{5}));
    options.format = "excel";
    const LoadedLogs bad = readLogs({path}, {}, options);
    QCOMPARE(bad.errors.size(), 1);
    QVERIFY(
        bad.errors[0].startsWith("unknown log format 'excel' (known: hf-trainer-state, mlflow, "));
  }

  void columnRolesReachTheCsvReaders() {
    QTemporaryDir dir;
    ReadOptions options;
    options.columns.insert("k", "step");
    options.columns.insert("rate", "lr");
    const LoadedLogs logs = readLogs({writeFile(dir, "t.csv", "k,rate\n3,0.5\n")}, {}, options);
    QCOMPARE(logs.runs.front().find("lr")->steps, (std::vector<std::int64_t>{3}));
  }

  void progressRisesToOne() {
    QTemporaryDir dir;
    const QString a = writeFile(dir, "a.csv", bigCsv(200000));
    const QString b = writeFile(dir, "b.csv", bigCsv(1000));
    std::vector<double> seen;
    Progress progress;
    progress.report = [&](double f) { seen.push_back(f); };
    const LoadedLogs logs = readLogs({a, b}, progress);
    QCOMPARE(logs.runs.size(), std::size_t(2));
    QVERIFY(seen.size() >= 3);
    for (std::size_t i = 1; i < seen.size(); ++i)
      QVERIFY2(seen[i] >= seen[i - 1] - 1e-12, "progress went back");
    QCOMPARE(seen.back(), 1.0);
  }

  void cancelStopsReading() {
    QTemporaryDir dir;
    const QString a = writeFile(dir, "a.csv", bigCsv(300000));
    CancelToken token;
    token.cancel();
    Progress progress;
    progress.cancel = &token;
    const LoadedLogs logs = readLogs({a, a}, progress);
    QVERIFY(logs.cancelled);
    QVERIFY(logs.runs.empty());
  }

  // A folder tree of many logs: a cancel while it is being walked stops the walk itself (each
  // file found is opened to sniff its format), without reading, and without a "no log" error.
  void cancelStopsFolderWalk() {
    QTemporaryDir dir;
    for (int i = 0; i < 200; ++i) {
      writeFile(dir, QStringLiteral("run%1/sub/metrics.csv").arg(i), "step,loss\n0,1.0\n");
      writeFile(dir, QStringLiteral("run%1/weights.bin").arg(i), QByteArray("\x00\x01\x02", 3));
    }
    CancelToken token;
    std::atomic<int> reports{0};
    Progress progress;
    progress.cancel = &token;
    progress.report = [&](double) { ++reports; };
    token.cancel();
    const LoadedLogs logs = readLogs({dir.path()}, progress);
    QVERIFY(logs.cancelled);
    QVERIFY(logs.runs.empty());
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QVERIFY(logs.skipped.isEmpty());  // the walk never got to the unknown files
    QCOMPARE(reports.load(), 0);
    const LoadedLogs all = readLogs({dir.path()});  // the same tree, not cancelled
    QCOMPARE(all.runs.size(), std::size_t(200));
    QCOMPARE(all.skipped.size(), 200);
    QVERIFY(!all.cancelled);
  }

  void backgroundLoaderGivesTheSameRuns() {
    const QStringList paths = {test::testDataPath("io/csv/basic.csv"),
                               test::testDataPath("io/wandb/panel_export.csv")};
    std::mutex mutex;
    std::vector<double> seen;
    QFuture<LoadedLogs> future = loadLogsInBackground(paths, {}, [&](double f) {
      std::lock_guard lock(mutex);
      seen.push_back(f);
    });
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    const LoadedLogs logs = future.result();
    const LoadedLogs direct = readLogs(paths);
    QCOMPARE(logs.runs.size(), direct.runs.size());
    for (std::size_t i = 0; i < logs.runs.size(); ++i) {
      QCOMPARE(logs.runs[i].name, direct.runs[i].name);
      QCOMPARE(logs.runs[i].series.size(), direct.runs[i].series.size());
    }
    QCOMPARE(future.progressValue(), kLoadProgressRange);
    QCOMPARE(seen.back(), 1.0);
  }

  void backgroundLoaderCancels() {
    QTemporaryDir dir;
    QStringList paths;
    for (int i = 0; i < 8; ++i)
      paths << writeFile(dir, QStringLiteral("f%1.csv").arg(i), bigCsv(100000));
    std::atomic<bool> cancelled{false}, assigned{false};
    QFuture<LoadedLogs> future;
    future = loadLogsInBackground(paths, {}, [&](double f) {
      while (!assigned) std::this_thread::yield();  // `future` is set by the time we cancel it
      if (f > 0.0 && !cancelled.exchange(true)) future.cancel();
    });
    assigned = true;
    future.waitForFinished();
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
  }
};

QTEST_GUILESS_MAIN(TestLogRegistry)
#include "test_log_registry.moc"
