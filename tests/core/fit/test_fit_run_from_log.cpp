// fitRunFromLog: which loss series is fitted, the per-step LR (logged every step, rebuilt from
// sparse samples with a sharp drop, an attached schedule winning), the warmup, NaN losses kept,
// and errors naming the run and what it lacks.
#include <QtTest>
#include <cmath>

#include "fit/fit_run_from_log.h"

using namespace lrscope;

namespace {

Series series(const QString& name, std::vector<std::int64_t> steps, std::vector<double> values) {
  Series s;
  s.name = name;
  s.steps = std::move(steps);
  s.values = std::move(values);
  return s;
}

// Loss every 50 steps from 49 to `last`.
Series lossEvery50(std::int64_t last, const QString& name = QStringLiteral("loss")) {
  std::vector<std::int64_t> steps;
  std::vector<double> values;
  for (std::int64_t n = 49; n <= last; n += 50) {
    steps.push_back(n);
    values.push_back(3.0 - 1e-4 * static_cast<double>(n));
  }
  return series(name, steps, values);
}

Run makeRun(std::vector<Series> all) {
  Run run;
  run.name = QStringLiteral("wsd-run");
  run.source = QStringLiteral("/logs/wsd.csv");
  run.series = std::move(all);
  return run;
}

Schedule constantSchedule(std::int64_t total, double peak, std::int64_t warmup) {
  return Schedule::fromJson({{"family", "constant"},
                             {"total_steps", static_cast<double>(total)},
                             {"peak_lr", peak},
                             {"warmup_steps", static_cast<double>(warmup)}})
      .value();
}

}  // namespace

class TestFitRunFromLog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // LR on every step 0..999: used as logged; warmup = first step at the peak + 1.
  void lrLoggedEveryStep() {
    std::vector<std::int64_t> steps;
    std::vector<double> lr;
    for (int n = 0; n < 1000; ++n) {
      steps.push_back(n);
      lr.push_back(n < 80 ? 1e-3 * n / 79.0 : 1e-3 * (1.0 - 0.5 * (n - 79) / 920.0));
    }
    const Run run = makeRun({series("lr", steps, lr), lossEvery50(999)});
    const auto fit = fitRunFromLog(run, FitRole::Test);
    QVERIFY2(fit, qPrintable(fit.error()));
    QCOMPARE(fit->name, QStringLiteral("wsd-run"));
    QCOMPARE(fit->source, QStringLiteral("/logs/wsd.csv"));
    QVERIFY(fit->role == FitRole::Test);
    QCOMPARE(fit->schedule.lr->values(), lr);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(80));  // peak at step 79
    QCOMPARE(fit->steps, run.series[1].steps);
    QCOMPARE(fit->loss, run.series[1].values);
  }

  // LR logged every 100 steps, 1e-3 then 1e-4 from step 1000 on (a MultiStepLR drop): the LR holds
  // 1e-3 up to step 999 and is 1e-4 from step 1000, not a ramp between the samples at 900 and 1000.
  // The schedule reaches the later of the last LR (2000) and loss (2499) steps.
  void sparseLrWithADropStaysSharp() {
    std::vector<std::int64_t> steps;
    std::vector<double> lr;
    for (int n = 0; n <= 2000; n += 100) {
      steps.push_back(n);
      lr.push_back(n < 1000 ? 1e-3 : 1e-4);
    }
    const Run run = makeRun({lossEvery50(2499), series("lr", steps, lr)});
    const auto fit = fitRunFromLog(run, FitRole::Train);
    QVERIFY2(fit, qPrintable(fit.error()));
    const std::vector<double>& per = fit->schedule.lr->values();
    QCOMPARE(per.size(), std::size_t(2500));
    for (std::int64_t n : {0, 450, 950, 999}) QCOMPARE(per[n], 1e-3);
    for (std::int64_t n : {1000, 1001, 1500, 2000, 2499}) QCOMPARE(per[n], 1e-4);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(0));  // starts at its peak
  }

  // A schedule attached to the run wins over its logged LR, and its declared warmup over the
  // detected one (zero_start ramp lr = peak n / 100 peaks at step 100: detected would be 101). A
  // schedule given in the options wins over the attached one.
  void attachedScheduleWinsOverLoggedLr() {
    Run run = makeRun({series("lr", {0, 500, 999}, {5.0, 5.0, 5.0}), lossEvery50(999)});
    run.schedule = ScheduleDocument{QStringLiteral("c"), constantSchedule(1000, 2e-3, 100)};
    auto fit = fitRunFromLog(run, FitRole::Train);
    QVERIFY2(fit, qPrintable(fit.error()));
    QCOMPARE(fit->schedule.lr->size(), std::int64_t(1000));
    QVERIFY(qFuzzyCompare((*fit->schedule.lr)[50], 1e-3));
    QCOMPARE((*fit->schedule.lr)[700], 2e-3);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(100));

    const Schedule given = constantSchedule(1200, 4e-3, 0);
    FitRunOptions options;
    options.schedule = &given;
    fit = fitRunFromLog(run, FitRole::Train, options);
    QVERIFY2(fit, qPrintable(fit.error()));
    QCOMPARE(fit->schedule.lr->size(), std::int64_t(1200));
    QCOMPARE((*fit->schedule.lr)[0], 4e-3);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(0));

    options.warmupSteps = 37;  // --warmup-steps overrides the declared warmup
    fit = fitRunFromLog(run, FitRole::Train, options);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(37));
  }

  // LR logged from step 100 on with a given warmup W = 200 > 100: steps 0..99 get lr[W] n / (W-1).
  void lateLrGetsTheLinearWarmup() {
    const Run run = makeRun({series("lr", {100, 999}, {1e-3, 1e-3}), lossEvery50(999)});
    FitRunOptions options;
    options.warmupSteps = 200;
    QStringList notes;
    const auto fit = fitRunFromLog(run, FitRole::Train, options, &notes);
    QVERIFY2(fit, qPrintable(fit.error()));
    const std::vector<double>& lr = fit->schedule.lr->values();
    QCOMPARE(lr[0], 0.0);
    QVERIFY(qFuzzyCompare(lr[99], 1e-3 * 99 / 199.0));
    QCOMPARE(lr[100], 1e-3);
    QCOMPARE(fit->schedule.warmupSteps, std::int64_t(200));
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes[0].startsWith("wsd-run (/logs/wsd.csv): LR logged from step 100"),
             qPrintable(notes[0]));
    // Without a given warmup nothing is filled: the first value holds.
    QCOMPARE(fitRunFromLog(run, FitRole::Train)->schedule.lr->values()[0], 1e-3);
  }

  // The loss series: "loss", else "val/loss", else the first one named *loss*; --loss NAME.
  void lossSeriesChoice() {
    const Series lr = series("lr", {0, 999}, {1e-3, 1e-3});
    const auto chosen = [&](std::vector<Series> all, const QString& name = {}) {
      all.push_back(lr);
      FitRunOptions options;
      options.lossSeries = name;
      const auto fit = fitRunFromLog(makeRun(all), FitRole::Train, options);
      return fit ? fit->loss.front() : std::nan("");
    };
    Series loss = series("loss", {10}, {1.0});
    Series val = series("val/loss", {10}, {2.0});
    Series other = series("eval/Train_Loss", {10}, {3.0});
    QCOMPARE(chosen({other, val, loss}), 1.0);
    QCOMPARE(chosen({other, val}), 2.0);
    QCOMPARE(chosen({other}), 3.0);
    QCOMPARE(chosen({series("loss", {}, {}), val}), 2.0);  // an empty series is no choice
    QCOMPARE(chosen({loss, val, other}, "eval/Train_Loss"), 3.0);
  }

  // NaN losses are kept at their steps (the fitter skips them), as logged.
  void nanLossesAreKept() {
    const Run run = makeRun({series("lr", {0, 999}, {1e-3, 1e-3}),
                             series("loss", {10, 20, 30}, {2.0, std::nan(""), 1.5})});
    const auto fit = fitRunFromLog(run, FitRole::Train);
    QVERIFY2(fit, qPrintable(fit.error()));
    QCOMPARE(fit->steps, (std::vector<std::int64_t>{10, 20, 30}));
    QCOMPARE(fit->loss.size(), std::size_t(3));
    QVERIFY(std::isnan(fit->loss[1]));
    QCOMPARE(fit->loss[2], 1.5);
  }

  void errorsNameTheRunAndWhatIsMissing_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("no loss") << 0
                             << "wsd-run (/logs/wsd.csv): no loss or val/loss series, nor any "
                                "series named *loss* with points (series: lr, grad_norm)";
    QTest::newRow("named loss missing")
        << 1 << "wsd-run (/logs/wsd.csv): no 'train/ce' series with points (series: lr, loss)";
    QTest::newRow("no lr") << 2 << "wsd-run (/logs/wsd.csv): no lr series and no schedule attached";
    QTest::newRow("lr all NaN") << 3 << "wsd-run (/logs/wsd.csv): series 'lr': no finite";
    QTest::newRow("schedule too short")
        << 4
        << "wsd-run (/logs/wsd.csv): the schedule has 500 steps but the loss is logged up to "
           "step 999";
  }
  void errorsNameTheRunAndWhatIsMissing() {
    QFETCH(int, kind);
    QFETCH(QString, message);
    const Series lr = series("lr", {0, 999}, {1e-3, 1e-3});
    Run run;
    FitRunOptions options;
    switch (kind) {
      case 0:
        run = makeRun({lr, series("grad_norm", {0}, {1.0})});
        break;
      case 1:
        run = makeRun({lr, lossEvery50(999)});
        options.lossSeries = QStringLiteral("train/ce");
        break;
      case 2:
        run = makeRun({lossEvery50(999)});
        break;
      case 3:
        run = makeRun({series("lr", {0, 9}, {NAN, NAN}), lossEvery50(999)});
        break;
      default:
        run = makeRun({lr, lossEvery50(999)});
        run.schedule = ScheduleDocument{{}, constantSchedule(500, 1e-3, 0)};
    }
    const auto fit = fitRunFromLog(run, FitRole::Train, options);
    QVERIFY(!fit);
    QVERIFY2(fit.error().startsWith(message), qPrintable(fit.error()));
  }
};

QTEST_GUILESS_MAIN(TestFitRunFromLog)
#include "test_fit_run_from_log.moc"
