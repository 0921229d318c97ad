// Exports: the PyTorch and optax snippets are executed by Python (torch/jax stubbed, numpy as
// jax.numpy) and must give LRScope's sampled values at every step; the CSV must read back exactly.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "lrscope_test.h"
#include "schedule/schedule_document.h"
#include "schedule/schedule_export.h"
#include "schedule/schedule_registry.h"

using namespace lrscope;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// Runs the snippet through eval_snippet.py; returns the printed values.
std::vector<double> evaluate(const QString& kind, const QString& snippet, std::int64_t n,
                             QString& error) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("snippet.py"));
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return {};
  file.write(snippet.toUtf8());
  file.close();
  QProcess python;
  python.start(kPython, {test::testDataPath(QStringLiteral("schedule/eval_snippet.py")), kind, path,
                         QString::number(n)});
  python.waitForFinished(120000);
  error = QString::fromUtf8(python.readAllStandardError());
  std::vector<double> values;
  for (const QByteArray& line : python.readAllStandardOutput().split('\n'))
    if (!line.isEmpty()) values.push_back(line.toDouble());
  return values;
}

}  // namespace

class TestScheduleExport : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    if (!QFileInfo::exists(kPython))
      QFAIL(
          "Debian's /usr/bin/python3 (with python3-numpy) is needed: packaging/install-deps.sh "
          "installs it");
  }

  void snippetsReproduceTheSamples_data() {
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("kind");
    for (const ScheduleFamily& f : scheduleFamilies())
      for (const char* kind : {"pytorch", "optax"})
        QTest::newRow(qPrintable(f.name + QLatin1Char('/') + QLatin1String(kind)))
            << f.name << QString::fromLatin1(kind);
  }
  void snippetsReproduceTheSamples() {
    QFETCH(QString, family);
    QFETCH(QString, kind);
    Result<ScheduleDocument> doc =
        readScheduleFile(test::resourcePath(QStringLiteral("schedules/%1.json").arg(family)));
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    const Schedule& schedule = doc->schedule;
    const QString snippet =
        kind == QLatin1String("pytorch") ? scheduleToPyTorch(schedule) : scheduleToOptax(schedule);
    QString error;
    const std::vector<double> values = evaluate(kind, snippet, schedule.totalSteps(), error);
    const std::vector<double> expected = schedule.sample();
    QVERIFY2(values.size() == expected.size(),
             qPrintable(QStringLiteral("python printed %1 values for %2 steps: %3")
                            .arg(values.size())
                            .arg(expected.size())
                            .arg(error)));
    for (std::size_t k = 0; k < expected.size(); ++k) {
      if (!test::closeTo(values[k], expected[k], 1e-12, 1e-300))
        QFAIL(qPrintable(QStringLiteral("step %1: snippet %2, LRScope %3")
                             .arg(k)
                             .arg(values[k], 0, 'g', 17)
                             .arg(expected[k], 0, 'g', 17)));
    }
  }

  void csvReadsBackExactly() {
    Result<ScheduleDocument> doc =
        readScheduleFile(test::resourcePath(QStringLiteral("schedules/cosine.json")));
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    const QByteArray csv = scheduleToCsv(doc->schedule);
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("step,lr"));
    const std::vector<double> expected = doc->schedule.sample();
    QCOMPARE(lines.size() - 1, qsizetype(expected.size()));
    for (qsizetype i = 1; i < lines.size(); ++i) {
      const QList<QByteArray> cells = lines[i].split(',');
      QCOMPARE(cells[0].toLongLong(), i - 1);
      QCOMPARE(cells[1].toDouble(), expected[std::size_t(i - 1)]);  // bit-exact
    }
    const QByteArray every = scheduleToCsv(doc->schedule, 1000);
    const QList<QByteArray> sparse = every.trimmed().split('\n');
    QVERIFY(sparse[1].startsWith("0,"));
    QVERIFY(sparse[2].startsWith("1000,"));
    QVERIFY(sparse.last().startsWith(QByteArray::number(qlonglong(expected.size() - 1)) + ","));
  }

  void repeatedTablesAreDefinedOnce() {
    Result<ScheduleDocument> doc =
        readScheduleFile(test::resourcePath(QStringLiteral("schedules/wsd_s.json")));
    QVERIFY2(doc.ok(), qPrintable(doc.error()));
    for (const QString& snippet :
         {scheduleToPyTorch(doc->schedule), scheduleToOptax(doc->schedule)}) {
      QStringList definitions;
      for (const QString& line : snippet.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("_LRSCOPE_T")))
          definitions << line.section(QLatin1Char('='), 1);
      QVERIFY(!definitions.isEmpty());
      QCOMPARE(QSet<QString>(definitions.begin(), definitions.end()).size(), definitions.size());
    }
  }

  void pythonFloatsAreExact() {
    const Result<Schedule> s =
        Schedule::fromJson({{"family", "constant"}, {"total_steps", 3}, {"peak_lr", 0.1 + 0.2}});
    QVERIFY(s.ok());
    QString error;
    const std::vector<double> v =
        evaluate(QStringLiteral("pytorch"), scheduleToPyTorch(*s), 3, error);
    QCOMPARE(v.size(), std::size_t(3));
    QCOMPARE(v[1], 0.1 + 0.2);
  }
};

QTEST_APPLESS_MAIN(TestScheduleExport)
#include "test_schedule_export.moc"
