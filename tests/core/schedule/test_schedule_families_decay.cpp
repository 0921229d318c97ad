// step, multi_step, eight_one_one, exponential, inverse_sqrt and polynomial against independent
// closed forms and the PyTorch / optax / Hugging Face formulas (docs/laws-and-schedules.md
// §7.7-7.10).
#include <cmath>

#include "schedule_family_checks.h"

using namespace lrscope;

class TestScheduleFamiliesDecay : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void stepLikePyTorchStepLr() {
    // StepLR(step_size=30, gamma=0.1): base * gamma^(n // step_size).
    LRSCOPE_SCHEDULE(s, R"({"family": "step", "total_steps": 100, "peak_lr": 0.05,
                            "step_size": 30})");
    auto closed = [](std::int64_t n) { return 0.05 * std::pow(0.1, double(n / 30)); };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 29, 30, 59, 60, 89, 90, -1);
    QVERIFY(test::closeTo(s.lr(45), 0.005, 1e-15));  // PyTorch docs: 0.005 for 30 <= n < 60
  }

  void stepCountsFromTheEndOfWarmup() {
    // SequentialLR([LinearLR-style warmup, StepLR], milestones=[W]): StepLR restarts at W.
    LRSCOPE_SCHEDULE(s, R"({"family": "step", "total_steps": 1000, "peak_lr": 1e-3,
                            "step_size": 250, "gamma": 0.5, "warmup_steps": 100})");
    auto closed = [](std::int64_t n) {
      if (n < 100) return 1e-3 * double(n) / 100.0;
      return 1e-3 * std::pow(0.5, double((n - 100) / 250));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 99, 100, 349, 350, 599, 600, 849, 850, -1);
  }

  void multiStepLikePyTorchMultiStepLr() {
    // PyTorch docs: MultiStepLR(milestones=[30, 80], gamma=0.1) with lr 0.05:
    // 0.05 for n < 30, 0.005 for 30 <= n < 80, 0.0005 for n >= 80.
    LRSCOPE_SCHEDULE(s, R"({"family": "multi_step", "total_steps": 100, "peak_lr": 0.05,
                            "milestones": [30, 80]})");
    auto closed = [](std::int64_t n) { return n < 30 ? 0.05 : n < 80 ? 0.005 : 0.0005; };
    const QString problem = test::compareWithClosedForm(
        s, closed, test::stepsToCheck(100, {0, 29, 30, 79, 80, 99}), 1e-15);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
  }

  void multiStepFractionsWithWarmup() {
    // Milestones are global steps floor(f N); optax piecewise_constant_schedule compounds scales.
    LRSCOPE_SCHEDULE(s, R"({"family": "multi_step", "total_steps": 24000, "peak_lr": 3e-4,
        "milestone_fractions": [0.5, 0.75], "gamma": 0.3, "warmup_steps": 1000})");
    auto closed = [](std::int64_t n) {
      if (n < 1000) return 3e-4 * double(n) / 1000.0;
      double scale = 1.0;
      for (std::int64_t boundary : {12000, 18000})
        if (n >= boundary) scale *= 0.3;
      return 3e-4 * scale;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 999, 1000, 11999, 12000, 17999, 18000, -1);
  }

  void multiStepManyMilestones() {
    // 999 milestones, one every 10 steps.
    QStringList milestones;
    for (int m = 10; m < 10000; m += 10) milestones << QString::number(m);
    const QByteArray json = QStringLiteral(R"({"family": "multi_step", "total_steps": 10000,
        "peak_lr": 1e-3, "gamma": 0.999, "milestones": [%1]})")
                                .arg(milestones.join(QLatin1Char(',')))
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [](std::int64_t n) { return 1e-3 * std::pow(0.999, double(n / 10)); };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 9, 10, 11, 9989, 9990, -1);
  }

  void eightOneOneDefaults() {
    // DeepSeek: warmup over 2000 steps, x0.316 after 80% and after 90% of training.
    LRSCOPE_SCHEDULE(s, R"({"family": "eight_one_one", "total_steps": 100000,
                            "peak_lr": 4.2e-4})");
    auto closed = [](std::int64_t n) {
      if (n < 2000) return 4.2e-4 * double(n) / 2000.0;
      if (n < 80000) return 4.2e-4;
      if (n < 90000) return 4.2e-4 * 0.316;
      return 4.2e-4 * 0.316 * 0.316;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1999, 2000, 79999, 80000, 89999, 90000, -1);
    QCOMPARE(s.toJson().value("warmup_steps").toInt(), 2000);
    QCOMPARE(s.toJson().value("gamma").toDouble(), 0.316);
    QVERIFY(!s.toJson().contains("milestones"));
  }

  void exponentialLikePyTorch() {
    // ExponentialLR(gamma=0.999): base * gamma^n.
    LRSCOPE_SCHEDULE(s, R"({"family": "exponential", "total_steps": 5000, "peak_lr": 1e-3,
                            "gamma": 0.999})");
    auto closed = [](std::int64_t n) { return 1e-3 * std::pow(0.999, double(n)); };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, 2, -1);
  }

  void exponentialLikeOptax_data() {
    QTest::addColumn<bool>("staircase");
    QTest::newRow("smooth") << false;
    QTest::newRow("staircase") << true;
  }
  void exponentialLikeOptax() {
    // optax.exponential_decay(init_value=3e-4, transition_steps=1000, decay_rate=0.5,
    // transition_begin=2000, staircase, end_value=2e-5): p = (n - B)/T (floored if staircase),
    // init for n <= B, clipped from below at end_value.
    QFETCH(bool, staircase);
    const QByteArray json = QStringLiteral(R"({"family": "exponential", "total_steps": 10000,
        "peak_lr": 3e-4, "gamma": 0.5, "transition_steps": 1000, "transition_begin": 2000,
        "staircase": %1, "end_value": 2e-5})")
                                .arg(staircase ? "true" : "false")
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto closed = [&](std::int64_t n) {
      const double count = double(n) - 2000.0;
      double p = count / 1000.0;
      if (staircase) p = std::floor(p);
      const double decayed = count <= 0.0 ? 3e-4 : 3e-4 * std::pow(0.5, p);
      return std::max(decayed, 2e-5);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 2000, 2001, 2999, 3000, 5500, 5907, 5908, -1);
    QCOMPARE(s.lr(9999), 2e-5);
  }

  void exponentialGrowthWithCeilingAfterWarmup() {
    // gamma > 1 grows and end_value is a ceiling; the count restarts after warmup.
    LRSCOPE_SCHEDULE(s, R"({"family": "exponential", "total_steps": 3000, "peak_lr": 1e-4,
        "gamma": 1.001, "end_value": 2e-4, "warmup_steps": 100})");
    auto closed = [](std::int64_t n) {
      if (n < 100) return 1e-4 * double(n) / 100.0;
      return std::min(1e-4 * std::pow(1.001, double(n - 100)), 2e-4);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 99, 100, 792, 793, 794, -1);
  }

  void inverseSqrtHuggingFace() {
    // HF get_inverse_sqrt_schedule(num_warmup_steps=4000): timescale defaults to W;
    // factor 1/sqrt((n + timescale - W)/timescale) after the warmup n/W.
    LRSCOPE_SCHEDULE(s, R"({"family": "inverse_sqrt", "total_steps": 50000, "peak_lr": 5e-4,
                            "warmup_steps": 4000})");
    auto closed = [](std::int64_t n) {
      if (n < 4000) return 5e-4 * double(n) / 4000.0;
      const double shift = 4000.0 - 4000.0;
      return 5e-4 * (1.0 / std::sqrt((double(n) + shift) / 4000.0));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 3999, 4000, 16000, -1);
    QVERIFY(test::closeTo(s.lr(16000), 2.5e-4, 1e-14));  // 4x the timescale: half the LR
  }

  void inverseSqrtHuggingFaceTimescale() {
    // Without warmup the timescale defaults to 10000; an explicit one shifts the curve.
    LRSCOPE_SCHEDULE(d, R"({"family": "inverse_sqrt", "total_steps": 40000, "peak_lr": 1e-3})");
    auto closedDefault = [](std::int64_t n) {
      return 1e-3 / std::sqrt((double(n) + 10000.0) / 10000.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(d, closedDefault, 0, 30000, -1);
    LRSCOPE_SCHEDULE(s, R"({"family": "inverse_sqrt", "total_steps": 40000, "peak_lr": 1e-3,
                            "warmup_steps": 1000, "timescale": 5000})");
    auto closed = [](std::int64_t n) {
      if (n < 1000) return 1e-3 * double(n) / 1000.0;
      return 1e-3 / std::sqrt((double(n) + 5000.0 - 1000.0) / 5000.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 999, 1000, -1);
  }

  void inverseSqrtNoam() {
    // Vaswani et al.: d_model^-0.5 min(s^-0.5, s W^-1.5), s = n + 1 (step counted from 1).
    LRSCOPE_SCHEDULE(s, R"({"family": "inverse_sqrt", "form": "noam", "total_steps": 100000,
                            "d_model": 512, "warmup_steps": 4000, "factor": 2})");
    auto closed = [](std::int64_t n) {
      const double step = double(n + 1);
      return 2.0 * std::pow(512.0, -0.5) *
             std::min(std::pow(step, -0.5), step * std::pow(4000.0, -1.5));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 3998, 3999, 4000, -1);
    QVERIFY(test::closeTo(s.lr(3999), 2.0 / std::sqrt(512.0 * 4000.0), 1e-14));  // the peak
    LRSCOPE_SCHEDULE(flat, R"({"family": "inverse_sqrt", "form": "noam", "total_steps": 100,
                               "d_model": 256})");
    QVERIFY(test::closeTo(flat.lr(0), 1.0 / 16.0, 1e-15));  // no warmup: 256^-0.5 * 1^-0.5
    QVERIFY(test::closeTo(flat.lr(99), 1.0 / 160.0, 1e-15));
  }

  void polynomialHuggingFace() {
    // HF get_polynomial_decay_schedule_with_warmup(W=500, N=10000, lr_end=1e-7, power=2):
    // (lr_init - lr_end)(1 - (n - W)/(N - W))^power + lr_end.
    LRSCOPE_SCHEDULE(s, R"({"family": "polynomial", "total_steps": 10000, "peak_lr": 1e-3,
                            "warmup_steps": 500, "power": 2})");
    auto closed = [](std::int64_t n) {
      if (n < 500) return 1e-3 * double(n) / 500.0;
      const double remaining = 1.0 - double(n - 500) / double(10000 - 500);
      return (1e-3 - 1e-7) * std::pow(remaining, 2.0) + 1e-7;
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 499, 500, 501, 5250, -1);
    QCOMPARE(s.toJson().value("lr_end").toDouble(), 1e-7);  // HF's default
  }

  void polynomialLikePyTorchPolynomialLr() {
    // PyTorch docs: PolynomialLR(total_iters=4, power=1.0) on lr 0.001 gives
    // 0.001, 0.00075, 0.0005, 0.00025, then 0.
    LRSCOPE_SCHEDULE(s, R"({"family": "polynomial", "total_steps": 7, "peak_lr": 0.001,
                            "lr_end": 0, "decay_steps": 4})");
    const std::vector<double> expected{0.001, 0.00075, 0.0005, 0.00025, 0.0, 0.0, 0.0};
    const std::vector<double> values = s.sample();
    for (std::size_t k = 0; k < expected.size(); ++k)
      QVERIFY2(test::closeTo(values[k], expected[k], 1e-15),
               qPrintable(QStringLiteral("step %1: %2").arg(k).arg(values[k])));
    LRSCOPE_SCHEDULE(p, R"({"family": "polynomial", "total_steps": 300, "peak_lr": 0.01,
                            "lr_end": 0, "decay_steps": 200, "power": 0.5})");
    auto closed = [](std::int64_t n) {
      return 0.01 * std::pow(1.0 - double(std::min<std::int64_t>(n, 200)) / 200.0, 0.5);
    };
    LRSCOPE_CHECK_CLOSED_FORM(p, closed, 0, 199, 200, -1);
  }
};

QTEST_APPLESS_MAIN(TestScheduleFamiliesDecay)
#include "test_schedule_families_decay.moc"
