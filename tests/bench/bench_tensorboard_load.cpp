// Benchmark: a ~100 MB TensorBoard event file (PyTorch-style simple_value events: loss, lr and
// grad_norm every step, val/loss every 100 steps) written to a temp folder, then loaded.
// Targets (issue 3): load in under 3 s; peak memory (VmHWM, the whole process) under 3x the raw
// numeric payload, i.e. the loaded numbers at their natural width (int64 step + double value +
// double wall time = 24 bytes per point). Baseline measured in the same run: a plain 1 MiB-chunk
// read of the same file (the I/O floor).
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <ctime>

#include "../core/io/tfevents_encoder.h"
#include "io/tensorboard_reader.h"

using namespace lrscope;
namespace tfe = lrscope::test::tfevents;

namespace {

constexpr qint64 kTargetBytes = 100'000'000;

// A field of /proc/self/status in kB ("VmHWM", "VmRSS"), -1 when unavailable.
qint64 procStatusKb(const char* field) {
  QFile status(QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly)) return -1;
  const QByteArray prefix = QByteArray(field) + ':';
  for (const QByteArray& line : status.readAll().split('\n'))
    if (line.startsWith(prefix))
      return line.mid(prefix.size()).trimmed().split(' ').front().toLongLong();
  return -1;
}

struct Written {
  qint64 bytes = 0;
  std::int64_t steps = 0;
  std::int64_t points = 0;
};

Written writeEventFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  Written w;
  QByteArray chunk = tfe::record(tfe::fileVersionEvent(1.7e9));
  for (std::int64_t s = 0; w.bytes + chunk.size() < kTargetBytes; ++s) {
    const double t = 1.7e9 + 0.25 * double(s);
    chunk +=
        tfe::record(tfe::event(s, t, {tfe::simpleValue("train/loss", 4.0f / float(1 + s % 977))}));
    chunk += tfe::record(tfe::event(s, t, {tfe::simpleValue("lr", 3e-4f)}));
    chunk += tfe::record(tfe::event(s, t, {tfe::simpleValue("grad_norm", 1.0f + float(s % 13))}));
    w.points += 3;
    if (s % 100 == 0) {
      chunk += tfe::record(tfe::event(s, t, {tfe::simpleValue("val/loss", 3.5f)}));
      ++w.points;
    }
    w.steps = s + 1;
    if (chunk.size() > (4 << 20)) {
      w.bytes += file.write(chunk);
      chunk.clear();
    }
  }
  w.bytes += file.write(chunk);
  return w;
}

}  // namespace

class BenchTensorBoardLoad : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void load100MB() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("events.out.tfevents.1700000000.bench"));
    const Written w = writeEventFile(path);
    QVERIFY(w.bytes > kTargetBytes * 9 / 10);

    QElapsedTimer timer;
    timer.start();
    {
      QFile raw(path);
      QVERIFY(raw.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
      QByteArray buffer(1 << 20, Qt::Uninitialized);
      while (raw.read(buffer.data(), buffer.size()) > 0) {
      }
    }
    const double rawSeconds = double(timer.nsecsElapsed()) * 1e-9;

    const qint64 rssBeforeKb = procStatusKb("VmRSS");
    const std::clock_t cpuStart = std::clock();
    timer.restart();
    const auto runs = TensorBoardReader().read(path, {});
    const double loadSeconds = double(timer.nsecsElapsed()) * 1e-9;
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const qint64 peakKb = procStatusKb("VmHWM");
    QVERIFY2(runs.ok(), qPrintable(runs.error()));

    const Run& run = runs->front();
    std::int64_t points = 0;
    for (const Series& s : run.series) points += std::int64_t(s.size());
    QCOMPARE(points, w.points);
    QCOMPARE(run.find(QStringLiteral("loss"))->size(), std::size_t(w.steps));
    QCOMPARE(run.find(QStringLiteral("loss"))->values[977], 4.0);
    QCOMPARE(run.find(QStringLiteral("grad_norm"))->wallTime[8], 1.7e9 + 2.0);
    QVERIFY(run.warnings.isEmpty());

    const double payloadMb = double(points) * 24.0 / 1e6;
    const double peakMb = double(peakKb) * 1024.0 / 1e6;
    const double ratio = peakMb / payloadMb;
    qInfo("tensorboard load: %.1f MB file, %lld records, %lld points", double(w.bytes) / 1e6,
          (long long)(w.points + 1), (long long)points);
    qInfo(
        "  time  %.3f s (target < 3 s; CPU %.3f s) = %.1fx a plain chunked read of the file "
        "(%.3f s), %.0f MB/s",
        loadSeconds, cpuSeconds, loadSeconds / rawSeconds, rawSeconds,
        double(w.bytes) / 1e6 / loadSeconds);
    qInfo(
        "  memory peak VmHWM %.1f MB (VmRSS before load %.1f MB) = %.2fx the raw numeric payload "
        "%.1f MB (target < 3x)",
        peakMb, double(rssBeforeKb) * 1024.0 / 1e6, ratio, payloadMb);
    QVERIFY2(loadSeconds < 3.0, qPrintable(QStringLiteral("load took %1 s").arg(loadSeconds)));
    QVERIFY2(peakKb > 0, "VmHWM not available in /proc/self/status");
    QVERIFY2(ratio < 3.0, qPrintable(QStringLiteral("peak memory %1x the payload").arg(ratio)));
  }
};

QTEST_GUILESS_MAIN(BenchTensorBoardLoad)
#include "bench_tensorboard_load.moc"
