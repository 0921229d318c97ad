// From a logged LR to the LR of every step: interpolation that keeps drops sharp (checked against
// the generating schedule at every step), the error bound of linear interpolation on a cosine,
// exact "sampled" schedules, left-out samples, the real mpl-luo2025 LR columns, and attaching a
// schedule JSON to a run (agreement check, runSchedule's choice).
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <numbers>

#include "io/csv_reader.h"
#include "io/lr_reconstruction.h"
#include "io/run_schedule.h"
#include "io_test_files.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::writeFile;

namespace {

Schedule make(const QJsonObject& json) {
  Result<Schedule> s = Schedule::fromJson(json);
  if (!s.ok()) qFatal("bad test schedule: %s", qPrintable(s.error()));
  return std::move(s).value();
}

// The schedule's LR logged at steps first, first + every, ... <= last.
Series logged(const Schedule& schedule, std::int64_t every, std::int64_t last,
              std::int64_t first = 0) {
  Series s;
  s.name = "lr";
  for (std::int64_t n = first; n <= last; n += every) {
    s.steps.push_back(n);
    s.values.push_back(schedule.lr(n));
  }
  return s;
}

double maxError(const Schedule& a, const Schedule& b, std::int64_t from, std::int64_t to) {
  double worst = 0.0;
  for (std::int64_t n = from; n <= to; ++n) worst = std::max(worst, std::abs(a.lr(n) - b.lr(n)));
  return worst;
}

}  // namespace

class TestLrReconstruction : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // MultiStepLR logged every 100 steps: the rebuilt LR is the schedule at every step.
  void dropsStaySharp() {
    const Schedule truth = make({{"family", "multi_step"},
                                 {"total_steps", 10000},
                                 {"peak_lr", 1e-3},
                                 {"milestones", QJsonArray{6000, 8000}},
                                 {"gamma", 0.1},
                                 {"warmup_steps", 500}});
    const Series lr = logged(truth, 100, 9900);
    const auto rebuilt = rebuildLrSchedule(lr, {10000});
    QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.error()));
    QCOMPARE(rebuilt->schedule.family(), QStringLiteral("piecewise_linear"));
    QCOMPARE(rebuilt->schedule.totalSteps(), std::int64_t(10000));
    QCOMPARE(rebuilt->drops, 2);
    QVERIFY(maxError(rebuilt->schedule, truth, 0, 9999) <= 1e-18);
    QCOMPARE(rebuilt->schedule.lr(5999), 1e-3);
    QVERIFY(test::closeTo(rebuilt->schedule.lr(6000), 1e-4, 1e-15));
    // Without the drop rule the same samples would ramp from 1e-3 to 1e-4 over 5900..6000.
    const auto ramped = rebuildLrSchedule(lr, {10000, 4.0, 2.0});  // no change is over 200%
    QCOMPARE(ramped->drops, 0);
    QVERIFY(test::closeTo(ramped->schedule.lr(5950), 5.5e-4, 1e-12));
  }

  // Linear interpolation of a cosine logged every h steps errs by at most h^2/8 max|lr''|.
  void cosineWithinTheInterpolationBound() {
    const double peak = 3e-4, floor = 3e-5;
    const std::int64_t total = 10000, warmup = 500, h = 100;
    const Schedule truth = make({{"family", "cosine"},
                                 {"total_steps", 10000},
                                 {"peak_lr", peak},
                                 {"min_lr", floor},
                                 {"warmup_steps", 500}});
    const auto rebuilt = rebuildLrSchedule(logged(truth, h, total - 1 - (total - 1) % h));
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->drops, 0);
    const double curvature =
        0.5 * (peak - floor) * std::pow(std::numbers::pi / (total - warmup), 2);
    const double bound = h * h / 8.0 * curvature;
    const double error = maxError(rebuilt->schedule, truth, 0, 9900);
    QVERIFY2(error <= bound * (1 + 1e-9) && error > 0.5 * bound,
             qPrintable(QString::number(error / bound)));
  }

  void everyStepIsSampledExactly() {
    const Schedule truth = make({{"family", "cosine"}, {"total_steps", 300}, {"peak_lr", 1e-3}});
    const auto rebuilt = rebuildLrSchedule(logged(truth, 1, 299));
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->schedule.family(), QStringLiteral("sampled"));
    QCOMPARE(rebuilt->schedule.sample(), truth.sample());
  }

  void collinearPointsAreDroppedWithoutChange() {
    const Schedule truth = make(
        {{"family", "linear"}, {"total_steps", 100000}, {"peak_lr", 1e-3}, {"warmup_steps", 1000}});
    const auto rebuilt = rebuildLrSchedule(logged(truth, 10, 99990));
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->schedule.toJson().value("points").toArray().size(), 3);  // 0, 1000, 99990
    QVERIFY(maxError(rebuilt->schedule, truth, 0, 99990) < 1e-15);
  }

  void badSamples() {
    Series lr;
    lr.name = "lr";
    lr.steps = {0, 10, 20, 30};
    lr.values = {1e-3, std::nan(""), -1.0, 5e-4};
    const auto rebuilt = rebuildLrSchedule(lr);
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->samples, 2);
    QCOMPARE(rebuilt->notes, QStringList{"series 'lr': 2 NaN, inf or negative values left out"});
    QVERIFY(test::closeTo(rebuilt->schedule.lr(15), 7.5e-4, 1e-15));
    lr.values = {std::nan(""), std::nan(""), -1, HUGE_VAL};
    const auto none = rebuildLrSchedule(lr);
    QVERIFY(!none.ok());
    QCOMPARE(none.error(),
             QStringLiteral("series 'lr': no finite, non-negative value to rebuild the LR from"));
  }

  // The real LR columns: the two-stage drop at 8000 stays a step; the cosine stays within bound.
  void realMplColumns() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const auto wsdcon =
        CsvReader().read(test::sharedDataPath("mpl-luo2025/csv_100/wsdcon_9.csv"), {});
    QVERIFY(wsdcon.ok());
    const auto rebuilt = rebuildLrSchedule(*wsdcon->front().find("lr"), {16000});
    QVERIFY(rebuilt.ok());
    QCOMPARE(rebuilt->drops, 1);
    // README: 3e-4 until s = 8000, then 9e-5 (every step of the logged range).
    for (std::int64_t n = 2176; n <= 15936; ++n)
      QCOMPARE(rebuilt->schedule.lr(n), n < 8000 ? 3e-4 : 9e-5);
    const auto cosine =
        CsvReader().read(test::sharedDataPath("mpl-luo2025/csv_100/cosine_24000.csv"), {});
    const auto smooth = rebuildLrSchedule(*cosine->front().find("lr"), {24000});
    QVERIFY(smooth.ok());
    QCOMPARE(smooth->drops, 0);
    double worst = 0.0;
    for (std::int64_t n = 2160; n <= 23920; ++n) {
      const double truth =
          3e-5 +
          0.5 * (3e-4 - 3e-5) * (1 + std::cos(std::numbers::pi * (n - 2160) / (24000.0 - 2160)));
      worst = std::max(worst, std::abs(smooth->schedule.lr(n) - truth));
    }
    const double bound =
        128.0 * 128.0 / 8.0 * 0.5 * (3e-4 - 3e-5) * std::pow(std::numbers::pi / 21840.0, 2);
    QVERIFY(worst <= bound * (1 + 1e-6));
  }

  void attachingASchedule() {
    const Schedule truth = make(
        {{"family", "cosine"}, {"total_steps", 1000}, {"peak_lr", 1e-3}, {"warmup_steps", 100}});
    Run run;
    run.name = "r";
    run.series.push_back(logged(truth, 50, 950));
    QVERIFY(attachSchedule(run, ScheduleDocument{"same", truth}).isEmpty());
    QVERIFY(run.schedule.has_value());
    QCOMPARE(runSchedule(run)->toJson(), truth.toJson());
    // A schedule that disagrees from step 500 on (a different floor) is flagged.
    const Schedule other = make({{"family", "cosine"},
                                 {"total_steps", 1000},
                                 {"peak_lr", 1e-3},
                                 {"min_lr", 3e-4},
                                 {"warmup_steps", 100}});
    const QStringList warnings =
        attachSchedule(run, ScheduleDocument{"other", other}, "other.json");
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings[0].startsWith(
                 "r: schedule other.json differs from the logged lr by more than 1% at "),
             qPrintable(warnings[0]));
    QVERIFY(run.warnings.contains(warnings[0]));
    QCOMPARE(run.scheduleSource, QStringLiteral("other.json"));
  }

  void attachingAFile() {
    QTemporaryDir dir;
    Run run;
    run.name = "r";
    const QString good = writeFile(
        dir, "s.json", writeScheduleDocument(make({{"family", "constant"}, {"total_steps", 10}})));
    QVERIFY(attachScheduleFile(run, good).ok());
    QCOMPARE(run.schedule->schedule.totalSteps(), std::int64_t(10));
    const auto bad = attachScheduleFile(run, writeFile(dir, "bad.json", "{\"format\": 3"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().contains("bad.json"), qPrintable(bad.error()));
  }

  void runScheduleFallsBackToTheLoggedLr() {
    Run run;
    run.name = "r";
    QVERIFY(!runSchedule(run).ok());
    QCOMPARE(
        runSchedule(run).error(),
        QStringLiteral(
            "r: no lr series and no schedule attached; attach the schedule JSON the run used"));
    const Schedule truth = make({{"family", "linear"}, {"total_steps", 200}, {"peak_lr", 1e-3}});
    run.series.push_back(logged(truth, 10, 190));
    const auto rebuilt = runSchedule(run, {200});
    QVERIFY(rebuilt.ok());
    QVERIFY(maxError(*rebuilt, truth, 0, 190) < 1e-15);
  }
};

QTEST_GUILESS_MAIN(TestLrReconstruction)
#include "test_lr_reconstruction.moc"
