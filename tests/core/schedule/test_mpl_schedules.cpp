// The schedules of the Multi-Power Law paper's runs (shared data mpl-luo2025, see its README),
// rebuilt from LRScope families: the `lr` column of every file must come out at every logged step
// to 1e-12 relative. Skips when the shared data folder is absent.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

#include "lrscope_test.h"
#include "schedule/schedule.h"

using namespace lrscope;

namespace {

// The warmup every run shares: numpy.linspace(0, 3e-4, 2160).
QJsonObject withWarmup(QJsonObject schedule) {
  schedule.insert("peak_lr", 3e-4);
  schedule.insert("warmup_steps", 2160);
  schedule.insert("warmup_convention", "linspace");
  return schedule;
}

// The LRScope schedule for a run file name (README table), or an empty object when unknown.
QJsonObject scheduleFor(const QString& run) {
  const QRegularExpressionMatch m =
      QRegularExpression(QStringLiteral("^([a-z]+)_(\\d+)(?:_(\\d+))?$")).match(run);
  if (!m.hasMatch()) return {};
  const QString kind = m.captured(1);
  const int x = m.captured(2).toInt();
  if (kind == QLatin1String("cosine"))
    return withWarmup({{"family", "cosine"}, {"total_steps", x}, {"min_lr", 3e-5}});
  if (kind == QLatin1String("constant"))
    return withWarmup({{"family", "constant"}, {"total_steps", x}});
  if (kind == QLatin1String("wsd") || kind == QLatin1String("wsdld")) {
    const int total = m.captured(3).toInt();
    return withWarmup({{"family", "wsd"},
                       {"total_steps", total},
                       {"min_lr", 3e-5},
                       {"decay_steps", total - x},
                       {"decay_shape", kind == QLatin1String("wsd") ? "exponential" : "linear"}});
  }
  if (kind == QLatin1String("wsdcon")) {  // 3e-4 for steps < 8000, then X * 1e-5 until 16000
    const QJsonObject first = withWarmup({{"family", "constant"}, {"total_steps", 8000}});
    const QJsonObject second{{"family", "constant"},
                             {"total_steps", 8000},
                             {"peak_lr", QStringLiteral("%1e-5").arg(x).toDouble()}};
    return {{"family", "sequence"}, {"phases", QJsonArray{first, second}}};
  }
  return {};
}

}  // namespace

class TestMplSchedules : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void lrColumnsRebuilt_data() {
    QTest::addColumn<QString>("path");
    const QString root = test::sharedDataPath(QStringLiteral("mpl-luo2025"));
    if (root.isEmpty()) {
      QTest::newRow("absent") << QString();
      return;
    }
    for (const char* size : {"csv_25", "csv_100", "csv_400"}) {
      const QDir dir(QDir(root).filePath(QLatin1String(size)));
      for (const QString& file : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(QLatin1String(size) + QLatin1Char('/') + file))
            << dir.filePath(file);
    }
  }
  void lrColumnsRebuilt() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    QFETCH(QString, path);
    const QString run = QFileInfo(path).completeBaseName();
    const QJsonObject json = scheduleFor(run);
    QVERIFY2(!json.isEmpty(), qPrintable("no schedule known for " + run));
    const Result<Schedule> schedule = Schedule::fromJson(json);
    QVERIFY2(schedule.ok(), qPrintable(schedule.error()));
    const std::vector<double> lr = schedule->sample();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine().trimmed(), QByteArray("step,lr,loss"));
    int rows = 0;
    while (!file.atEnd()) {
      const QByteArray line = file.readLine().trimmed();
      if (line.isEmpty()) continue;
      const QList<QByteArray> cells = line.split(',');
      QCOMPARE(cells.size(), qsizetype(3));
      bool stepOk = false, lrOk = false;
      const qlonglong step = cells[0].toLongLong(&stepOk);
      const double logged = cells[1].toDouble(&lrOk);
      QVERIFY(stepOk && lrOk);
      QVERIFY2(step >= 0 && step < schedule->totalSteps(),
               qPrintable(QStringLiteral("step %1 outside the schedule").arg(step)));
      const double ours = lr[static_cast<std::size_t>(step)];
      QVERIFY2(test::closeTo(ours, logged, 1e-12),
               qPrintable(QStringLiteral("%1 step %2: logged %3, LRScope %4")
                              .arg(run)
                              .arg(step)
                              .arg(logged, 0, 'g', 17)
                              .arg(ours, 0, 'g', 17)));
      QCOMPARE(schedule->lr(step), ours);  // one-step and array evaluation agree bit for bit
      ++rows;
    }
    QVERIFY2(rows > 50, qPrintable(QStringLiteral("only %1 rows").arg(rows)));
  }
};

QTEST_APPLESS_MAIN(TestMplSchedules)
#include "test_mpl_schedules.moc"
