// The first schedule families (constant, linear_warmup, cosine, linear, wsd, sequence,
// piecewise_linear, sampled) against independent closed forms at their edge steps and at random
// steps, and against the Hugging Face / optax / PyTorch formulas of docs/laws-and-schedules.md §7.
// The other families are checked in test_schedule_families_{decay,cyclic,research}.cpp.
#include <cmath>

#include "schedule/schedule_registry.h"
#include "schedule_family_checks.h"

using namespace lrscope;
using lrscope::test::kPi;

class TestScheduleFamilies : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // A new family must come with closed-form tests: this list is the one the test files cover.
  void everyFamilyIsCovered() {
    const QStringList covered = {
        "constant",     "linear_warmup", "cosine",     "linear",        "wsd",
        "wsd_s",        "step",          "multi_step", "eight_one_one", "exponential",
        "inverse_sqrt", "polynomial",    "cyclic",     "one_cycle",     "rex",
        "power",        "infinite",      "uba",        "sequence",      "piecewise_linear",
        "sampled"};
    QStringList registered;
    for (const ScheduleFamily& f : scheduleFamilies()) registered << f.name;
    registered.sort();
    QStringList expected = covered;
    expected.sort();
    QCOMPARE(registered, expected);
  }

  void constantWithWarmup() {
    LRSCOPE_SCHEDULE(s, R"({"family": "constant", "total_steps": 1000, "peak_lr": 3e-4,
                            "warmup_steps": 100})");
    // HF get_constant_schedule_with_warmup: factor n / max(1, W), then 1.
    auto closed = [](std::int64_t n) { return n < 100 ? 3e-4 * (double(n) / 100.0) : 3e-4; };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, 99, 100, 101, -1);
    QCOMPARE(s.lr(0), 0.0);
    QCOMPARE(s.lr(999), 3e-4);
  }

  void constantWithPyTorchLinearLrWarmup() {
    // PyTorch LinearLR(start_factor=1/3, end_factor=1, total_iters=5) (its defaults):
    // base * (s + (1 - s) * min(n, K) / K).
    LRSCOPE_SCHEDULE(s, R"({"family": "constant", "total_steps": 20, "peak_lr": 0.1,
                            "warmup_steps": 5, "warmup_start_factor": 0.3333333333333333})");
    auto closed = [](std::int64_t n) {
      const double f = 1.0 / 3.0;
      return 0.1 * (f + (1.0 - f) * double(std::min<std::int64_t>(n, 5)) / 5.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, 4, 5, 6, -1);
  }

  void linearWarmupConventions_data() {
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<double>("startLr");
    for (const char* convention : {"zero_start", "one_step", "linspace"})
      for (const char* shape : {"linear", "cosine", "1-sqrt"})
        for (double start : {0.0, 3e-5})
          QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(convention, shape).arg(start)))
              << QString::fromLatin1(convention) << QString::fromLatin1(shape) << start;
  }
  void linearWarmupConventions() {
    QFETCH(QString, convention);
    QFETCH(QString, shape);
    QFETCH(double, startLr);
    const QByteArray json = QStringLiteral(R"({"family": "linear_warmup", "total_steps": 2160,
        "peak_lr": 0.0003, "start_lr": %1, "warmup_convention": "%2", "warmup_shape": "%3"})")
                                .arg(startLr, 0, 'g', 17)
                                .arg(convention, shape)
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [&](std::int64_t n) {
      double x = double(n) / 2160.0;  // HF, optax, Levanter
      if (convention == QLatin1String("one_step")) x = double(n + 1) / 2160.0;  // HF no-rate
      if (convention == QLatin1String("linspace")) x = double(n) / 2159.0;      // numpy.linspace
      double f = x;
      if (shape == QLatin1String("cosine")) f = 0.5 * (1.0 - std::cos(kPi * x));
      if (shape == QLatin1String("1-sqrt")) f = 1.0 - std::sqrt(1.0 - x);
      return startLr + (3e-4 - startLr) * f;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, 1079, 2158, -1);
    if (convention == QLatin1String("linspace")) QCOMPARE(s.lr(2159), 3e-4);  // ends on the peak
  }

  void linearWarmupHageleStartFactor() {
    // Hägele et al.: peak * (n/W + (1 - n/W)/100), first LR peak/100.
    LRSCOPE_SCHEDULE(s, R"({"family": "cosine", "total_steps": 10000, "peak_lr": 1e-3,
                            "warmup_steps": 500, "warmup_start_factor": 0.01})");
    auto closed = [](std::int64_t n) {
      if (n >= 500) return 0.5e-3 * (1.0 + std::cos(kPi * double(n - 500) / 9500.0));
      const double x = double(n) / 500.0;
      return 1e-3 * (x + (1.0 - x) / 100.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 499, 500, -1);
    QVERIFY(test::closeTo(s.lr(0), 1e-5, 1e-15));
  }

  void cosineHuggingFaceWithMinLrRate() {
    // HF get_cosine_with_min_lr_schedule_with_warmup(min_lr_rate=0.1), num_cycles 0.5:
    // warmup n/max(1,W); factor = 0.5(1 + cos(2 pi 0.5 p)), lr = base (factor (1-r) + r).
    LRSCOPE_SCHEDULE(s, R"({"family": "cosine", "total_steps": 24000, "peak_lr": 3e-4,
                            "min_lr": 3e-5, "warmup_steps": 2000})");
    auto closed = [](std::int64_t n) {
      if (n < 2000) return 3e-4 * (double(n) / 2000.0);
      const double p = double(n - 2000) / double(24000 - 2000);
      const double factor = 0.5 * (1.0 + std::cos(kPi * 2.0 * 0.5 * p));
      return 3e-4 * (factor * (1.0 - 0.1) + 0.1);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1999, 2000, 2001, 13000, -1);
    QCOMPARE(s.lr(2000), 3e-4);
  }

  void cosineOptaxWarmupCosineDecay() {
    // optax.warmup_cosine_decay_schedule(init_value=0, peak_value=P, warmup_steps=W,
    // decay_steps=N, end_value=E): decay_steps includes the warmup, alpha = E/P.
    LRSCOPE_SCHEDULE(s, R"({"family": "cosine", "total_steps": 5000, "peak_lr": 1e-3,
                            "min_lr": 1e-5, "warmup_steps": 250})");
    auto closed = [](std::int64_t n) {
      const double peak = 1e-3, end = 1e-5, alpha = end / peak;
      if (n < 250) return 0.0 + (peak - 0.0) * double(n) / 250.0;  // linear_schedule(0, P, W)
      const double t = std::min(double(n - 250), 4750.0) / 4750.0;
      return peak * ((1.0 - alpha) * (0.5 * (1.0 + std::cos(kPi * t))) + alpha);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 249, 250, -1);
  }

  void cosineNumCycles() {
    // HF get_cosine_schedule_with_warmup(num_cycles=1.5): max(0, (1 + cos(2 pi c p)) / 2).
    LRSCOPE_SCHEDULE(s, R"({"family": "cosine", "total_steps": 3000, "peak_lr": 1e-3,
                            "num_cycles": 1.5})");
    auto closed = [](std::int64_t n) {
      const double p = double(n) / 3000.0;
      return 1e-3 * std::max(0.0, 0.5 * (1.0 + std::cos(kPi * 2.0 * 1.5 * p)));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1000, 2000, -1);
  }

  void linearHuggingFaceAndD2Z() {
    // HF get_linear_schedule_with_warmup: n/max(1,W), then max(0, (N - n)/max(1, N - W)).
    LRSCOPE_SCHEDULE(s, R"({"family": "linear", "total_steps": 24000, "peak_lr": 3e-4,
                            "warmup_steps": 240})");
    auto closed = [](std::int64_t n) {
      if (n < 240) return 3e-4 * double(n) / 240.0;
      return 3e-4 * std::max(0.0, double(24000 - n) / double(24000 - 240));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 239, 240, 12000, -1);
    QVERIFY(test::closeTo(s.lr(23999), 3e-4 / 23760.0, 1e-12));  // one step before zero
  }

  void linearTenfoldDecay() {
    LRSCOPE_SCHEDULE(s, R"({"family": "linear", "total_steps": 1000, "peak_lr": 6e-4,
                            "min_lr": 6e-5})");
    auto closed = [](std::int64_t n) { return 6e-5 + (6e-4 - 6e-5) * (1.0 - double(n) / 1000.0); };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 500, -1);
  }

  void wsdDecayShapes_data() {
    QTest::addColumn<QString>("shape");
    for (const char* shape :
         {"linear", "cosine", "1-sqrt", "square", "mirror_cosine", "exponential", "inverse"})
      QTest::newRow(shape) << QString::fromLatin1(shape);
  }
  void wsdDecayShapes() {
    QFETCH(QString, shape);
    const QByteArray json = QStringLiteral(R"({"family": "wsd", "total_steps": 24000,
        "peak_lr": 3e-4, "min_lr": 3e-5, "warmup_steps": 2000, "decay_steps": 4800,
        "decay_shape": "%1"})")
                                .arg(shape)
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [&](std::int64_t n) {
      const double peak = 3e-4, lo = 3e-5;
      if (n < 2000) return peak * double(n) / 2000.0;
      if (n < 24000 - 4800) return peak;
      const double p = double(n - 19200) / 4800.0;
      if (shape == QLatin1String("exponential")) return std::pow(peak, 1.0 - p) * std::pow(lo, p);
      if (shape == QLatin1String("inverse")) return 1.0 / ((1.0 - p) / peak + p / lo);
      double f = 1.0 - p;
      if (shape == QLatin1String("cosine")) f = 0.5 * (1.0 + std::cos(kPi * p));
      if (shape == QLatin1String("1-sqrt")) f = 1.0 - std::sqrt(p);
      if (shape == QLatin1String("square")) f = 1.0 - p * p;
      if (shape == QLatin1String("mirror_cosine"))
        f = 2.0 * (1.0 - p) - 0.5 * (1.0 + std::cos(kPi * p));
      return lo + (peak - lo) * f;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1999, 2000, 19199, 19200, 19201, 21600, -1);
    QCOMPARE(s.lr(19200), 3e-4);  // the decay starts exactly at the peak
  }

  void wsdHuggingFace() {
    // HF get_wsd_schedule(W=100, num_decay_steps=300, num_training_steps=1000,
    // warmup_type='1-sqrt', decay_type='cosine', min_lr_ratio=0.1): warmup and decay are both
    // rescaled as factor (1 - r) + r, so the warmup starts at r * peak.
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd", "total_steps": 1000, "peak_lr": 1e-3,
        "min_lr": 1e-4, "warmup_steps": 100, "warmup_shape": "1-sqrt",
        "warmup_start_factor": 0.1, "decay_steps": 300, "decay_shape": "cosine"})");
    auto closed = [](std::int64_t n) {
      const double r = 0.1;
      double factor = 1.0;
      if (n < 100) {
        const double progress = double(n) / 100.0;
        factor = (1.0 - std::sqrt(1.0 - progress)) * (1.0 - r) + r;
      } else if (n >= 100 + 600) {
        const double progress = double(n - 100 - 600) / 300.0;
        factor = 0.5 * (1.0 + std::cos(kPi * 0.5 * 2.0 * progress)) * (1.0 - r) + r;
      }
      return 1e-3 * factor;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 99, 100, 699, 700, -1);
  }

  void wsdDecayFraction() {
    // decay_fraction 0.1 of 10001 steps: D = floor(1000.1) = 1000, the decay starts at 9001.
    LRSCOPE_SCHEDULE(s, R"({"family": "wsd", "total_steps": 10001, "peak_lr": 1e-3,
                            "decay_fraction": 0.1})");
    auto closed = [](std::int64_t n) {
      return n < 9001 ? 1e-3 : 1e-3 * (1.0 - double(n - 9001) / 1000.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 9000, 9001, 9002, -1);
    // Default: 20% of the steps.
    LRSCOPE_SCHEDULE(d, R"({"family": "wsd", "total_steps": 1000, "peak_lr": 1e-3})");
    QCOMPARE(d.lr(799), 1e-3);
    QCOMPARE(d.lr(800), 1e-3);
    QVERIFY(test::closeTo(d.lr(900), 0.5e-3, 1e-14));
  }

  void sequenceOfPhases() {
    // Warmup, cosine, re-warm for continual pre-training, second cosine: every phase restarts its
    // own step count (PyTorch SequentialLR, optax join_schedules).
    LRSCOPE_SCHEDULE(s, R"({"family": "sequence", "phases": [
        {"family": "linear_warmup", "total_steps": 500, "peak_lr": 3e-4},
        {"family": "cosine", "total_steps": 9500, "peak_lr": 3e-4, "min_lr": 3e-5},
        {"family": "linear_warmup", "total_steps": 200, "start_lr": 3e-5, "peak_lr": 2e-4},
        {"family": "cosine", "total_steps": 4800, "peak_lr": 2e-4, "min_lr": 2e-5}]})");
    QCOMPARE(s.totalSteps(), std::int64_t(15000));
    auto closed = [](std::int64_t n) {
      if (n < 500) return 3e-4 * double(n) / 500.0;
      if (n < 10000)
        return 3e-5 + 0.5 * (3e-4 - 3e-5) * (1.0 + std::cos(kPi * double(n - 500) / 9500.0));
      if (n < 10200) return 3e-5 + (2e-4 - 3e-5) * double(n - 10000) / 200.0;
      return 2e-5 + 0.5 * (2e-4 - 2e-5) * (1.0 + std::cos(kPi * double(n - 10200) / 4800.0));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 499, 500, 9999, 10000, 10199, 10200, -1);
  }

  void sequenceNested() {
    LRSCOPE_SCHEDULE(s, R"({"family": "sequence", "phases": [
        {"family": "sequence", "phases": [{"family": "constant", "total_steps": 3, "peak_lr": 1},
                                          {"family": "constant", "total_steps": 2, "peak_lr": 2}]},
        {"family": "sampled", "values": [5, 6, 7]}]})");
    const std::vector<double> expected{1, 1, 1, 2, 2, 5, 6, 7};
    QCOMPARE(s.sample(), expected);
  }

  void piecewiseLinear() {
    LRSCOPE_SCHEDULE(s, R"({"family": "piecewise_linear", "total_steps": 12000,
        "points": [[0, 0], [1000, 3e-4], [8000, 3e-4], [10000, 3e-5]]})");
    // numpy.interp: linear between points, clamped to the end values outside.
    auto closed = [](std::int64_t n) {
      const double xs[] = {0, 1000, 8000, 10000};
      const double ys[] = {0, 3e-4, 3e-4, 3e-5};
      const double x = double(n);
      if (x >= xs[3]) return ys[3];
      int i = 0;
      while (x >= xs[i + 1]) ++i;
      return ys[i] + (x - xs[i]) / (xs[i + 1] - xs[i]) * (ys[i + 1] - ys[i]);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 999, 1000, 7999, 8000, 9999, 10000, -1);
  }

  void piecewiseConstantAndDefaultLength() {
    LRSCOPE_SCHEDULE(s, R"({"family": "piecewise_linear", "interpolation": "previous",
        "points": [[10, 1e-3], [20, 5e-4], [30, 1e-4]]})");
    QCOMPARE(s.totalSteps(), std::int64_t(31));  // last point's step + 1
    auto closed = [](std::int64_t n) { return n < 20 ? 1e-3 : n < 30 ? 5e-4 : 1e-4; };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 9, 10, 19, 20, 29, 30);
  }

  void sampledValues() {
    LRSCOPE_SCHEDULE(s, R"({"family": "sampled", "values": [1e-4, 2e-4, 3e-4, 2.5e-4]})");
    QCOMPARE(s.totalSteps(), std::int64_t(4));
    QCOMPARE(s.sample(), (std::vector<double>{1e-4, 2e-4, 3e-4, 2.5e-4}));
    QCOMPARE(s.lr(2), 3e-4);
  }
};

QTEST_APPLESS_MAIN(TestScheduleFamilies)
#include "test_schedule_families.moc"
