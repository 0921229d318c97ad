// wsd_s (Levanter's cycles), cyclic (PyTorch CyclicLR) and one_cycle (PyTorch OneCycleLR) against
// closed forms written out here (docs/laws-and-schedules.md §7.6, §7.11, §7.12).
#include <cmath>

#include "schedule_family_checks.h"

using namespace lrscope;
using lrscope::test::kPi;

namespace {

// PyTorch OneCycleLR.get_lr, transcribed: phases (end_step, start, end), cos or linear anneal.
double oneCycle(std::int64_t step, std::int64_t total, double maxLr, double pctStart, bool cosine,
                double divFactor, double finalDivFactor, bool threePhase) {
  const double initial = maxLr / divFactor;
  const double minLr = initial / finalDivFactor;
  struct Phase {
    double end, from, to;
  };
  std::vector<Phase> phases;
  if (threePhase)
    phases = {{pctStart * double(total) - 1.0, initial, maxLr},
              {2.0 * pctStart * double(total) - 2.0, maxLr, initial},
              {double(total) - 1.0, initial, minLr}};
  else
    phases = {{pctStart * double(total) - 1.0, initial, maxLr},
              {double(total) - 1.0, maxLr, minLr}};
  double start = 0.0;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    if (double(step) <= phases[i].end || i + 1 == phases.size()) {
      const double pct = (double(step) - start) / (phases[i].end - start);
      if (cosine)
        return phases[i].to + (phases[i].from - phases[i].to) / 2.0 * (std::cos(kPi * pct) + 1.0);
      return (phases[i].to - phases[i].from) * pct + phases[i].from;
    }
    start = phases[i].end;
  }
  return std::nan("");
}

}  // namespace

class TestScheduleFamiliesCyclic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void wsdSEqualCyclesWithRewarmup() {
    // Levanter: cycles=3 ends at int(N/3 * j); warmup 1000 in cycle 1, rewarmup 500 from the
    // previous cycle's end (min_lr) in the others; decay = 10% of each cycle, cosine to min_lr.
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd_s", "total_steps": 30000, "peak_lr": 3e-4,
        "min_lr": 3e-5, "warmup_steps": 1000, "cycles": 3, "rewarmup_steps": 500})");
    auto closed = [](std::int64_t n) {
      const double peak = 3e-4, lo = 3e-5;
      const std::int64_t start = n / 10000 * 10000;
      const std::int64_t m = n - start;
      if (start == 0 && m < 1000) return peak * double(m) / 1000.0;
      if (start > 0 && m < 500) return lo + (peak - lo) * double(m) / 500.0;
      if (m < 9000) return peak;
      const double p = double(m - 9000) / 1000.0;
      return lo + (peak - lo) * 0.5 * (1.0 + std::cos(kPi * p));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 999, 1000, 8999, 9000, 9999, 10000, 10499, 10500, 18999,
                              19000, 19999, 20000, 20499, 20500, 29000, -1);
  }

  void wsdSCycleEndsInverseDecayJumpBack() {
    // Explicit checkpoints at 8000 and 20000 (24000 appended), harmonic ("inv") decay over 10%
    // of each cycle (800, 1200, 400 steps), no re-warmup: the LR jumps back to the peak.
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd_s", "total_steps": 24000, "peak_lr": 3e-4,
        "min_lr": 3e-5, "cycle_ends": [8000, 20000], "decay_shape": "inverse"})");
    auto closed = [](std::int64_t n) {
      const double peak = 3e-4, lo = 3e-5;
      const std::int64_t ends[] = {8000, 20000, 24000};
      const std::int64_t decays[] = {800, 1200, 400};
      int j = 0;
      while (n >= ends[j]) ++j;
      const std::int64_t decayStart = ends[j] - decays[j];
      if (n < decayStart) return peak;
      const double p = double(n - decayStart) / double(decays[j]);
      return 1.0 / ((1.0 - p) / peak + p / lo);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 7199, 7200, 7999, 8000, 18799, 18800, 19999, 20000,
                              23599, 23600, -1);
    QCOMPARE(s.lr(8000), 3e-4);
  }

  void wsdSDecayStepsPerCycle() {
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd_s", "total_steps": 1000, "peak_lr": 1e-3,
        "cycles": 2, "decay_steps": 100, "decay_shape": "linear"})");
    auto closed = [](std::int64_t n) {
      const std::int64_t m = n % 500;
      return m < 400 ? 1e-3 : 1e-3 * (1.0 - double(m - 400) / 100.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 399, 400, 499, 500, 899, 900, -1);
  }

  void wsdSManyCycles() {
    // 400 cycles of 100 steps: warmup 30 in the first, re-warmup 20 from min_lr in the others,
    // linear decay over the last 20 of each.
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd_s", "total_steps": 40000, "peak_lr": 1e-3,
        "min_lr": 1e-4, "warmup_steps": 30, "cycles": 400, "rewarmup_steps": 20,
        "decay_fraction": 0.2, "decay_shape": "linear"})");
    auto closed = [](std::int64_t n) {
      const std::int64_t m = n % 100;
      if (n < 30) return 1e-3 * double(n) / 30.0;
      if (n >= 100 && m < 20) return 1e-4 + (1e-3 - 1e-4) * double(m) / 20.0;
      if (m < 80) return 1e-3;
      return 1e-4 + (1e-3 - 1e-4) * (1.0 - double(m - 80) / 20.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 29, 30, 79, 80, 99, 100, 119, 120, 39899, 39900, -1);
  }

  void cyclicTriangularLikeSmith() {
    // Smith (2017): cycle = floor(1 + n/(2 stepsize)), x = |n/stepsize - 2 cycle + 1|,
    // lr = base + (max - base) max(0, 1 - x); PyTorch CyclicLR defaults (step_size_up 2000).
    LRSCOPE_SCHEDULE(s, R"({"family": "cyclic", "total_steps": 10000, "base_lr": 1e-4,
                            "max_lr": 1e-3})");
    auto closed = [](std::int64_t n) {
      const double cycle = std::floor(1.0 + double(n) / 4000.0);
      const double x = std::abs(double(n) / 2000.0 - 2.0 * cycle + 1.0);
      return 1e-4 + (1e-3 - 1e-4) * std::max(0.0, 1.0 - x);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1000, 1999, 2000, 2001, 3999, 4000, 6000, 8000, -1);
    QCOMPARE(s.lr(0), 1e-4);  // CyclicLR starts at base_lr
    QVERIFY(test::closeTo(s.lr(2000), 1e-3, 1e-15));
  }

  void cyclicModes_data() {
    QTest::addColumn<QString>("mode");
    QTest::newRow("triangular") << "triangular";
    QTest::newRow("triangular2") << "triangular2";
    QTest::newRow("exp_range") << "exp_range";
  }
  void cyclicModes() {
    // PyTorch CyclicLR.get_lr with step_size_up 1500, step_size_down 500.
    QFETCH(QString, mode);
    const QByteArray json = QStringLiteral(R"({"family": "cyclic", "total_steps": 9000,
        "base_lr": 2e-4, "max_lr": 2e-3, "step_size_up": 1500, "step_size_down": 500,
        "mode": "%1", "gamma": 0.9997})")
                                .arg(mode)
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [&](std::int64_t n) {
      const double total = 2000.0, ratio = 1500.0 / 2000.0;
      const double cycle = std::floor(1.0 + double(n) / total);
      const double x = 1.0 + double(n) / total - cycle;
      const double scaleFactor = x <= ratio ? x / ratio : (x - 1.0) / (ratio - 1.0);
      double scale = 1.0;
      if (mode == QLatin1String("triangular2")) scale = 1.0 / std::pow(2.0, cycle - 1.0);
      if (mode == QLatin1String("exp_range")) scale = std::pow(0.9997, double(n));
      return 2e-4 + (2e-3 - 2e-4) * scaleFactor * scale;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1499, 1500, 1501, 1999, 2000, 3500, 5500, -1);
    if (mode == QLatin1String("triangular2"))  // second peak: half the amplitude
      QVERIFY(test::closeTo(s.lr(3500), 2e-4 + 0.5 * 1.8e-3, 1e-14));
  }

  void oneCycleLikePyTorch_data() {
    QTest::addColumn<int>("total");
    QTest::addColumn<double>("pctStart");
    QTest::addColumn<bool>("cosine");
    QTest::addColumn<bool>("threePhase");
    QTest::newRow("defaults") << 1000 << 0.3 << true << false;
    QTest::newRow("linear") << 1000 << 0.3 << false << false;
    QTest::newRow("three_phase") << 1000 << 0.3 << true << true;
    QTest::newRow("three_phase linear") << 24000 << 0.25 << false << true;
    QTest::newRow("fractional phase end") << 24001 << 0.3 << true << false;
  }
  void oneCycleLikePyTorch() {
    QFETCH(int, total);
    QFETCH(double, pctStart);
    QFETCH(bool, cosine);
    QFETCH(bool, threePhase);
    const QByteArray json = QStringLiteral(R"({"family": "one_cycle", "total_steps": %1,
        "max_lr": 1e-3, "pct_start": %2, "anneal_strategy": "%3", "three_phase": %4})")
                                .arg(total)
                                .arg(pctStart)
                                .arg(cosine ? "cos" : "linear", threePhase ? "true" : "false")
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [&](std::int64_t n) {
      return oneCycle(n, total, 1e-3, pctStart, cosine, 25.0, 1e4, threePhase);
    };
    const auto peak = static_cast<std::int64_t>(pctStart * total) - 1;
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, peak - 1, peak, peak + 1, 2 * peak, 2 * peak + 1, -2,
                              -1);
    QVERIFY(test::closeTo(s.lr(0), 1e-3 / 25.0, 1e-15));  // initial_lr = max_lr / div_factor
    // min_lr at the end; PyTorch's linear anneal (end - start) pct + start cancels down to ~1e-19
    QVERIFY(test::closeTo(s.lr(total - 1), 1e-3 / 25.0 / 1e4, 1e-12, 1e-18));
  }

  void oneCyclePeakAtPctStartTimesTotalMinusOne() {
    LRSCOPE_SCHEDULE(s, R"({"family": "one_cycle", "total_steps": 1000, "max_lr": 0.01})");
    QCOMPARE(s.lr(299), 0.01);
    QVERIFY(s.lr(298) < 0.01 && s.lr(300) < 0.01);
  }
};

QTEST_APPLESS_MAIN(TestScheduleFamiliesCyclic)
#include "test_schedule_families_cyclic.moc"
