// The bad-input table applied to every text format alike, through readLogs (detection included):
// each format's small good log is transformed (empty, binary garbage, UTF-8 BOM, CRLF, UTF-16 LE
// with BOM and BE without, a 100 MB line after the first, the last line cut off) and must give
// either a clear error naming the file or the good data back (loss 3.0, 2.5, 2.0 at steps 0, 10,
// 20), never a crash or a hang. Format-specific cases (strings in numbers, restarts, NaN, missing
// columns, ...) are in each reader's own test.
#include <QTemporaryDir>
#include <QTest>

#include "io/log_registry.h"
#include "io_test_files.h"

using namespace lrscope;
using lrscope::test::writeFile;

namespace {

struct Format {
  const char* name;     // reader
  const char* file;     // the file the transformations apply to
  const char* readAt;   // path given to readLogs (relative to the folder)
  const char* content;  // a good log: loss 3.0, 2.5, 2.0 at steps 0, 10, 20
};

const Format kFormats[] = {
    {"csv", "data.csv", "data.csv", "step,lr,loss\n0,0.1,3.0\n10,0.1,2.5\n20,0.05,2.0\n"},
    {"lightning", "lightning_logs/version_0/metrics.csv", "lightning_logs/version_0/metrics.csv",
     "epoch,lr-AdamW,step,train_loss\n0,0.1,0,3.0\n0,,10,2.5\n0,,20,2.0\n"},
    {"wandb-csv", "panel.csv", "panel.csv",
     "\"Step\",\"r - loss\"\n\"0\",\"3.0\"\n\"10\",\"2.5\"\n\"20\",\"2.0\"\n"},
    {"wandb-jsonl", "history.jsonl", "history.jsonl",
     "{\"_step\": 0, \"loss\": 3.0}\n{\"_step\": 10, \"loss\": 2.5}\n{\"_step\": 20, \"loss\": "
     "2.0}\n"},
    {"hf-trainer-state", "out/trainer_state.json", "out/trainer_state.json",
     "{\"log_history\": [\n{\"loss\": 3.0, \"step\": 0},\n{\"loss\": 2.5, \"step\": "
     "10},\n{\"loss\": 2.0, "
     "\"step\": 20}\n]}\n"},
    {"mlflow", "mlruns/0/r1/metrics/loss", "mlruns",
     "1700000000000 3.0 0\n1700000001000 2.5 10\n1700000002000 2.0 20\n"},
    {"text", "train.log", "train.log", "iter 0: loss 3.0\niter 10: loss 2.5\niter 20: loss 2.0\n"},
};

enum class Expect { Same, ErrorOrKept };

QByteArray utf16(const QByteArray& utf8, bool bigEndian, bool bom) {
  QByteArray out =
      bom ? (bigEndian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE")) : QByteArray();
  for (QChar c : QString::fromUtf8(utf8)) {
    const char hi = static_cast<char>(c.unicode() >> 8), lo = static_cast<char>(c.unicode() & 0xFF);
    out.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
  }
  return out;
}

}  // namespace

class TestBadInput : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyFormat_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("transform");
    for (int f = 0; f < static_cast<int>(std::size(kFormats)); ++f)
      for (const char* t : {"as is", "empty", "binary garbage", "UTF-8 BOM", "CRLF", "UTF-16LE BOM",
                            "UTF-16BE", "100 MB line", "cut-off last line"})
        QTest::addRow("%s: %s", kFormats[f].name, t) << f << QString::fromLatin1(t);
  }

  void everyFormat() {
    QFETCH(int, format);
    QFETCH(QString, transform);
    const Format& f = kFormats[format];
    QTemporaryDir dir;
    writeFile(dir, "mlruns/0/meta.yaml", "name: exp\n");
    writeFile(dir, "mlruns/0/r1/meta.yaml", "run_name: r1\n");
    const QByteArray good(f.content);
    QByteArray bytes = good;
    Expect expect = Expect::Same;
    if (transform == "empty") {
      bytes.clear();
      expect = Expect::ErrorOrKept;
    } else if (transform == "binary garbage") {
      bytes.clear();
      for (int i = 0; i < 3000; ++i) bytes += static_cast<char>((i * 7919 + 13) % 256);
      expect = Expect::ErrorOrKept;
    } else if (transform == "UTF-8 BOM") {
      bytes.prepend("\xEF\xBB\xBF");
    } else if (transform == "CRLF") {
      bytes.replace("\n", "\r\n");
    } else if (transform == "UTF-16LE BOM") {
      bytes = utf16(good, false, true);
    } else if (transform == "UTF-16BE") {
      bytes = utf16(good, true, false);
    } else if (transform == "cut-off last line") {
      bytes.chop(3);
      expect = Expect::ErrorOrKept;
    }
    const QString file = writeFile(dir, f.file, bytes);
    if (transform == "100 MB line") {  // blanks: still valid JSON, an over-long line elsewhere
      const qsizetype firstEnd = good.indexOf('\n') + 1;
      QFile out(file);
      QVERIFY(out.open(QIODevice::WriteOnly));
      out.write(good.left(firstEnd));
      const QByteArray block(1 << 20, ' ');
      for (int i = 0; i < 100; ++i) out.write(block);
      out.write("\n" + good.mid(firstEnd));
    }

    const LoadedLogs logs = readLogs({dir.filePath(f.readAt)});
    const QString name = QFileInfo(file).fileName();
    if (expect == Expect::ErrorOrKept && !logs.errors.isEmpty()) {
      QVERIFY(logs.runs.empty());
      QVERIFY2(logs.errors.front().contains(name), qPrintable(logs.errors.front()));
      return;
    }
    QVERIFY2(logs.errors.isEmpty(), qPrintable(logs.errors.join('\n')));
    QCOMPARE(logs.runs.size(), std::size_t(1));
    const Run& run = logs.runs.front();
    QCOMPARE(run.format, QString::fromLatin1(f.name));
    const Series* loss = run.find("loss");
    QVERIFY(loss);
    const std::vector<std::int64_t> steps = {0, 10, 20};
    const std::vector<double> values = {3.0, 2.5, 2.0};
    if (expect == Expect::Same) {
      QCOMPARE(loss->steps, steps);
      QCOMPARE(loss->values, values);
    } else {  // the good lines before the damage are kept
      QVERIFY(loss->size() >= 2);
      QCOMPARE(loss->values[0], 3.0);
      QCOMPARE(loss->values[1], 2.5);
    }
    if (transform == "100 MB line" && QLatin1String(f.name) != QLatin1String("hf-trainer-state")) {
      bool warned = false;
      for (const QString& w : run.warnings)
        warned = warned || (w.contains(name + ": line 2: longer than 16 MiB; skipped"));
      QVERIFY2(warned, qPrintable(run.warnings.join('\n')));
    }
    if (transform.startsWith("UTF-16") &&
        QLatin1String(f.name) != QLatin1String("hf-trainer-state")) {
      bool noted = false;
      for (const QString& w : run.warnings)
        noted = noted || w.contains(name + ": decoded from UTF-16");
      QVERIFY2(noted, qPrintable(run.warnings.join('\n')));
    }
  }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"
