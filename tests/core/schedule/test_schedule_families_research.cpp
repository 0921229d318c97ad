// rex, power, infinite and uba against closed forms written out here
// (docs/laws-and-schedules.md §7.13-7.16; the UNVERIFIED parts are checked as documented).
#include <cmath>

#include "schedule_family_checks.h"

using namespace lrscope;
using lrscope::test::kPi;

class TestScheduleFamiliesResearch : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void rexLikePytorchOptimizer() {
    // REXScheduler: min + (max - min) (1 - p) / (1 - p/2), p = t / T.
    LRSCOPE_SCHEDULE(s, R"({"family": "rex", "total_steps": 24000, "peak_lr": 3e-4})");
    auto closed = [](std::int64_t n) {
      const double p = double(n) / 24000.0;
      return 3e-4 * ((1.0 - p) / (1.0 - p / 2.0));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 12000, -1);
    QVERIFY(test::closeTo(s.lr(12000), 3e-4 * 2.0 / 3.0, 1e-14));  // (1/2)/(3/4)
  }

  void rexWithWarmupAndFloor() {
    LRSCOPE_SCHEDULE(s, R"({"family": "rex", "total_steps": 10000, "peak_lr": 1e-3,
                            "min_lr": 1e-4, "warmup_steps": 500})");
    auto closed = [](std::int64_t n) {
      if (n < 500) return 1e-3 * double(n) / 500.0;
      const double p = double(n - 500) / 9500.0;
      return 1e-4 + (1e-3 - 1e-4) * (1.0 - p) / (0.5 + 0.5 * (1.0 - p));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 499, 500, -1);
  }

  void powerLikeLevanter() {
    // Levanter PowerLrSchedule: min(lr, batch_size a (step batch_size seq_length)^b); at step 0
    // tokens^b is infinite, so the cap applies.
    LRSCOPE_SCHEDULE(s, R"({"family": "power", "total_steps": 100000, "batch_size": 512,
                            "seq_len": 4096})");
    auto closed = [](std::int64_t n) {
      if (n == 0) return 0.02;
      const double tokens = double(n) * 512.0 * 4096.0;
      return std::min(0.02, 512.0 * 4.6 * std::pow(tokens, -0.51));
    };
    // The cap binds up to about step 4150 (tokens^0.51 = 512 * 4.6 / 0.02).
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1, 4000, 4150, 4200, 50000, -1);
    QCOMPARE(s.lr(0), 0.02);
    QCOMPARE(s.lr(1000), 0.02);
    QVERIFY(s.lr(99999) < 0.005);
  }

  void powerWarmupTargetsAndFinalDecay_data() {
    QTest::addColumn<QString>("target");
    QTest::newRow("power") << "power";
    QTest::newRow("peak") << "peak";
  }
  void powerWarmupTargetsAndFinalDecay() {
    // Warmup to the power-law LR at W (dolomite) or to peak_lr; then the power law; then a
    // linear decay over the last 10% from the power-law LR at N - D to min_lr.
    QFETCH(QString, target);
    const QByteArray json = QStringLiteral(R"({"family": "power", "total_steps": 100000,
        "peak_lr": 0.05, "batch_size": 1024, "seq_len": 2048, "warmup_steps": 5000,
        "warmup_target": "%1", "decay_fraction": 0.1, "min_lr": 1e-5})")
                                .arg(target)
                                .toUtf8();
    LRSCOPE_SCHEDULE(s, json);
    auto power = [](double n) {
      return std::min(0.05, 1024.0 * 4.6 * std::pow(n * 1024.0 * 2048.0, -0.51));
    };
    auto closed = [&](std::int64_t n) {
      if (n < 5000) {
        const double to = target == QLatin1String("power") ? power(5000.0) : 0.05;
        return to * double(n) / 5000.0;
      }
      if (n < 90000) return power(double(n));
      const double p = double(n - 90000) / 10000.0;
      return 1e-5 + (power(90000.0) - 1e-5) * (1.0 - p);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 4999, 5000, 5001, 89999, 90000, 90001, -1);
    QVERIFY(power(5000.0) < 0.05);  // so the two targets differ here
  }

  void infiniteFourPhases() {
    // Warmup to peak, cosine cooldown to const_lr, constant, exponential anneal reaching min_lr
    // after anneal_steps (denominator tau = anneal_steps).
    LRSCOPE_SCHEDULE(s, R"({"family": "infinite", "total_steps": 100000, "peak_lr": 3e-4,
        "const_lr": 3.75e-5, "min_lr": 3e-6, "warmup_steps": 1000, "cooldown_steps": 9000,
        "anneal_steps": 10000})");
    auto closed = [](std::int64_t n) {
      const double peak = 3e-4, mid = 3.75e-5, lo = 3e-6;
      if (n < 1000) return peak * double(n) / 1000.0;
      if (n < 10000)
        return mid + (peak - mid) / 2.0 * (1.0 + std::cos(kPi * double(n - 1000) / 9000.0));
      if (n < 90000) return mid;
      return mid * std::pow(lo / mid, double(n - 90000) / 10000.0);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 999, 1000, 1001, 9999, 10000, 89999, 90000, 90001, -1);
    QVERIFY(test::closeTo(s.lr(99999), 3e-6 * std::pow(3.75e-5 / 3e-6, 1e-4), 1e-13));
  }

  void infiniteThirdPartyDenominatorAndTau() {
    // tau_plus_start: exponent (n - N_d)/(tau_a + N_d), with tau_a = anneal_tau.
    LRSCOPE_SCHEDULE(s, R"({"family": "infinite", "total_steps": 50000, "peak_lr": 1e-3,
        "const_lr": 1e-4, "min_lr": 1e-6, "cooldown_steps": 5000, "anneal_steps": 5000,
        "anneal_tau": 2000, "anneal_denominator": "tau_plus_start"})");
    auto closed = [](std::int64_t n) {
      if (n < 5000) return 1e-4 + (1e-3 - 1e-4) / 2.0 * (1.0 + std::cos(kPi * double(n) / 5000.0));
      if (n < 45000) return 1e-4;
      return 1e-4 * std::pow(1e-6 / 1e-4, double(n - 45000) / (2000.0 + 45000.0));
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 4999, 5000, 44999, 45000, -1);
  }

  void infiniteWithoutCooldownWarmsUpToConstLr() {
    LRSCOPE_SCHEDULE(s, R"({"family": "infinite", "total_steps": 1000, "peak_lr": 1e-3,
                            "const_lr": 2e-4, "warmup_steps": 100})");
    auto closed = [](std::int64_t n) { return n < 100 ? 2e-4 * double(n) / 100.0 : 2e-4; };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 99, 100, -1);
  }

  void ubaThirdPartyFormula() {
    // UNVERIFIED formula (third-party implementation):
    // min + (max - min) 2(1 + cos t) / (2 phi + (2 - phi)(1 + cos t)), t = pi p.
    LRSCOPE_SCHEDULE(s, R"({"family": "uba", "total_steps": 24000, "peak_lr": 3e-4,
                            "min_lr": 3e-5, "warmup_steps": 2000, "phi": 0.8})");
    auto closed = [](std::int64_t n) {
      if (n < 2000) return 3e-4 * double(n) / 2000.0;
      const double c = 1.0 + std::cos(kPi * double(n - 2000) / 22000.0);
      return 3e-5 + (3e-4 - 3e-5) * 2.0 * c / (2.0 * 0.8 + (2.0 - 0.8) * c);
    };
    LRSCOPE_CHECK_CLOSED_FORM(s, closed, 0, 1999, 2000, 13000, -1);
  }

  void ubaSpecialCases() {
    // phi = 2 is exactly cosine; phi = 1 is 2(1 + cos t)/(3 + cos t).
    LRSCOPE_SCHEDULE(uba2, R"({"family": "uba", "total_steps": 5000, "peak_lr": 1e-3,
                               "phi": 2})");
    LRSCOPE_SCHEDULE(cosine, R"({"family": "cosine", "total_steps": 5000, "peak_lr": 1e-3})");
    const std::vector<double> a = uba2.sample();
    const std::vector<double> b = cosine.sample();
    for (std::size_t k = 0; k < a.size(); ++k)
      QVERIFY2(test::closeTo(a[k], b[k], 1e-12, 1e-18), qPrintable(QString::number(k)));
    LRSCOPE_SCHEDULE(uba1, R"({"family": "uba", "total_steps": 5000, "peak_lr": 1e-3,
                               "phi": 1})");
    auto closed = [](std::int64_t n) {
      const double t = kPi * double(n) / 5000.0;
      return 1e-3 * 2.0 * (1.0 + std::cos(t)) / (3.0 + std::cos(t));
    };
    LRSCOPE_CHECK_CLOSED_FORM(uba1, closed, 0, 2500, -1);
  }
};

QTEST_APPLESS_MAIN(TestScheduleFamiliesResearch)
#include "test_schedule_families_research.moc"
