// The rules every reader shares (io/series_builder.h), checked on hand-made point sequences whose
// resolved form is worked out by hand: restarts TensorBoard's way, repeated steps, NaN/inf kept and
// counted, wall times carried along, series order, and the two-part append of a split table.
#include <QTest>
#include <cmath>
#include <limits>

#include "io/series_builder.h"

using namespace lrscope;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

Series resolve(std::vector<std::int64_t> steps, std::vector<double> values, QStringList& warnings,
               std::vector<double> wallTime = {}) {
  return resolveSeries(QStringLiteral("loss"), std::move(steps), std::move(values),
                       std::move(wallTime), QStringLiteral("log.csv"), warnings);
}

}  // namespace

class TestSeriesBuilder : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void increasingStepsStayAsTheyAre() {
    QStringList warnings;
    const Series s = resolve({0, 10, 20}, {3.0, 2.0, 1.0}, warnings);
    QCOMPARE(s.steps, (std::vector<std::int64_t>{0, 10, 20}));
    QCOMPARE(s.values, (std::vector<double>{3.0, 2.0, 1.0}));
    QCOMPARE(s.restarts, 0);
    QVERIFY(warnings.isEmpty());
  }

  // Resumed from the checkpoint at step 20 after logging up to 40: 30 and 40 are orphaned.
  void restartReplacesTheOverlappedPoints() {
    QStringList warnings;
    const Series s = resolve({0, 10, 20, 30, 40, 25, 35}, {9, 8, 7, 6, 5, 6.5, 5.5}, warnings);
    QCOMPARE(s.steps, (std::vector<std::int64_t>{0, 10, 20, 25, 35}));
    QCOMPARE(s.values, (std::vector<double>{9, 8, 7, 6.5, 5.5}));
    QCOMPARE(s.restarts, 1);
    QCOMPARE(s.replacedPoints, std::int64_t(2));
    QCOMPARE(warnings,
             QStringList{"log.csv: series 'loss': step went back from 40 to 25 (a restart); "
                         "the 2 earlier points at steps >= 25 were replaced by the later ones"});
  }

  // Back to a step that was logged: that point is replaced too (TensorBoard purges steps >= it).
  void restartOntoALoggedStep() {
    QStringList warnings;
    const Series s = resolve({0, 10, 20, 10, 20}, {9, 8, 7, 8.5, 7.5}, warnings);
    QCOMPARE(s.steps, (std::vector<std::int64_t>{0, 10, 20}));
    QCOMPARE(s.values, (std::vector<double>{9, 8.5, 7.5}));
    QCOMPARE(s.replacedPoints, std::int64_t(2));
  }

  void manyRestartsAreSummarised() {
    QStringList warnings;
    std::vector<std::int64_t> steps;
    std::vector<double> values;
    for (int r = 0; r < 8; ++r)
      for (int i = 0; i < 3; ++i) {
        steps.push_back(i);
        values.push_back(r);
      }
    const Series s = resolve(steps, values, warnings);
    QCOMPARE(s.restarts, 7);
    QCOMPARE(s.values, (std::vector<double>{7, 7, 7}));
    QCOMPARE(warnings.size(), 6);  // five shown, then the total
    QCOMPARE(warnings.last(), QStringLiteral("log.csv: series 'loss': ... 7 restarts in all"));
  }

  void repeatedStepSameValueMergesSilently() {
    QStringList warnings;
    const Series s = resolve({0, 0, 1, 1}, {0.5, 0.5, kNaN, kNaN}, warnings);
    QCOMPARE(s.steps, (std::vector<std::int64_t>{0, 1}));
    QCOMPARE(s.replacedPoints, std::int64_t(0));
    QCOMPARE(warnings,
             QStringList{"log.csv: series 'loss': NaN/inf values kept as gaps: 1 NaN, 0 inf "
                         "(first at step 1)"});
  }

  void repeatedStepDifferentValueKeepsTheLater() {
    QStringList warnings;
    const Series s = resolve({0, 5, 5, 6, 6}, {1, 2, 3, 4, 5}, warnings, {100, 105, 106, 107, 108});
    QCOMPARE(s.values, (std::vector<double>{1, 3, 5}));
    QCOMPARE(s.wallTime, (std::vector<double>{100, 106, 108}));
    QCOMPARE(warnings,
             QStringList{"log.csv: series 'loss': 2 repeated steps with a different value "
                         "(first at step 5); the later value kept"});
  }

  void nanAndInfAreKeptAndCounted() {
    QStringList warnings;
    const Series s = resolve({1, 2, 3, 4}, {kInf, 1.0, kNaN, -kInf}, warnings);
    QCOMPARE(s.size(), std::size_t(4));
    QVERIFY(std::isnan(s.values[2]));
    QCOMPARE(s.values[3], -kInf);
    QCOMPARE(warnings,
             QStringList{"log.csv: series 'loss': NaN/inf values kept as gaps: 1 NaN, 2 inf "
                         "(first at step 1)"});
  }

  void builderKeepsSeriesOrderAndWallTimes() {
    RunBuilder b;
    const int lr = b.series("lr", "learning_rate");
    const int loss = b.series("loss");
    QCOMPARE(b.series("lr"), lr);
    b.add(loss, 0, 3.0, 1000.0);  // the first point's wall time is kept
    b.add(lr, 0, 0.1);
    b.add(loss, 1, 2.0);  // no time for this one
    b.add(loss, 2, 1.0, 1002.0);
    const Run run = b.finish("r", "src", "csv");
    QCOMPARE(run.series.size(), std::size_t(2));
    QCOMPARE(run.series[0].name, QStringLiteral("lr"));
    QCOMPARE(run.series[0].key, QStringLiteral("learning_rate"));
    QVERIFY(run.series[0].wallTime.empty());
    const Series& l = run.series[1];
    QCOMPARE(l.key, QString());
    QCOMPARE(l.wallTime.size(), std::size_t(3));
    QCOMPARE(l.wallTime[0], 1000.0);
    QVERIFY(std::isnan(l.wallTime[1]));
    QCOMPARE(l.wallTime[2], 1002.0);
  }

  void emptySeriesAreLeftOut() {
    RunBuilder b;
    b.series("never");
    b.add(b.series("loss"), 0, 1.0);
    const Run run = b.finish("r", "src", "csv");
    QCOMPARE(run.series.size(), std::size_t(1));
  }

  // A table read in two halves: appending the second reproduces one pass, restart included.
  void appendIsLikeAddingInOrder() {
    RunBuilder first, second, whole;
    for (RunBuilder* b : {&first, &second, &whole}) {
      b->series("lr");
      b->series("loss");
    }
    const std::vector<std::int64_t> steps = {0, 1, 2, 3, 1, 2};
    for (std::size_t i = 0; i < steps.size(); ++i) {
      RunBuilder& part = i < 4 ? first : second;
      part.add(1, steps[i], 10.0 - static_cast<double>(i), 50.0 + static_cast<double>(i));
      whole.add(1, steps[i], 10.0 - static_cast<double>(i), 50.0 + static_cast<double>(i));
      if (i == 5) second.add(0, steps[i], 0.5);
      if (i == 5) whole.add(0, steps[i], 0.5);
    }
    first.append(second, 1, 2);  // as two threads would: one part each
    first.append(second, 0, 2);
    const Run a = first.finish("r", "s", "csv");
    const Run b = whole.finish("r", "s", "csv");
    QCOMPARE(a.series.size(), b.series.size());
    for (std::size_t i = 0; i < a.series.size(); ++i) {
      QCOMPARE(a.series[i].steps, b.series[i].steps);
      QCOMPARE(a.series[i].values, b.series[i].values);
      QCOMPARE(a.series[i].wallTime, b.series[i].wallTime);
    }
    QCOMPARE(a.warnings, b.warnings);
    QCOMPARE(a.series[1].steps, (std::vector<std::int64_t>{0, 1, 2}));
  }
};

QTEST_GUILESS_MAIN(TestSeriesBuilder)
#include "test_series_builder.moc"
