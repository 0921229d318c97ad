// Multi-Power Law: docs §9 test vectors, the two-stage closed form, the reference convention, and
// the fast loss-drop sum against a direct implementation of the formula.
#include <QtTest>
#include <cmath>
#include <numbers>

#include "law/multi_power_law.h"
#include "lrscope_test.h"

using namespace lrscope;

namespace {

// docs §1.6, 400M, order L0, A, alpha, B, C, beta, gamma.
const std::vector<double> k400M = {2.37474466, 0.65421216, 0.42878731, 523.42464371,
                                   2.02462735, 0.59350493, 0.63472457};
constexpr double kPeak = 3e-4;
constexpr std::int64_t kWarmup = 2160;

std::vector<double> linspaceWarmup(std::int64_t w, double peak) {
  std::vector<double> lr(w);
  for (std::int64_t n = 0; n < w; ++n) lr[n] = peak * double(n) / double(w - 1);
  return lr;
}

LawSchedule schedule(std::vector<double> lr, std::int64_t warmup) {
  return {std::make_shared<PerStepLr>(std::move(lr)), warmup};
}

// The MPL data schedules (data README): warmup, then shape(s) for s in [W, T).
std::vector<double> mplSchedule(const QString& kind, std::int64_t total) {
  std::vector<double> lr = linspaceWarmup(kWarmup, kPeak);
  for (std::int64_t s = kWarmup; s < total; ++s) {
    double v = kPeak;
    if (kind == QLatin1String("cosine"))
      v = 3e-5 +
          0.5 * (kPeak - 3e-5) *
              (1.0 + std::cos(std::numbers::pi * double(s - kWarmup) / double(total - kWarmup)));
    else if (kind == QLatin1String("wsd") && s >= 20000)
      v = std::pow(kPeak, double(total - s) / 4000.0) * std::pow(3e-5, double(s - 20000) / 4000.0);
    else if (kind == QLatin1String("wsdld") && s >= 20000)
      v = kPeak * (1.0 - double(s - 20000) / 4000.0) + 3e-5 * double(s - 20000) / 4000.0;
    lr.push_back(v);
  }
  return lr;
}

// Direct evaluation of the docs' formula, written independently of the library.
double directMpl(const std::vector<double>& lr, std::int64_t first, std::int64_t s,
                 const std::vector<double>& p) {
  long double area = 0;
  for (std::int64_t n = 0; n <= s; ++n) area += lr[n];
  long double drop = 0, window = 0;
  for (std::int64_t n = s; n >= std::max<std::int64_t>(first, 1); --n) {
    window += lr[n];  // S_n(s), accumulated backwards
    const long double x = std::pow((long double)lr[n], -(long double)p[6]) * window;
    drop += (lr[n - 1] - lr[n]) * (1.0L - std::pow(p[4] * x + 1.0L, -(long double)p[5]));
  }
  return double(p[0] + p[1] * std::pow(area, -(long double)p[2]) - p[3] * drop);
}

double maxRelativeError(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::abs(b[i]));
  return worst;
}

}  // namespace

class TestMultiPowerLaw : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void paperConventionTestVectors() {
    // docs §9.1: constant 3e-4 after a 2160-step linspace warmup; L(t) at post-warmup t.
    std::vector<double> lr = linspaceWarmup(kWarmup, kPeak);
    lr.resize(kWarmup + 21840, kPeak);
    const MultiPowerLaw law;
    const auto loss =
        law.predictAt(schedule(lr, kWarmup), {kWarmup, kWarmup + 999, kWarmup + 21839}, k400M);
    QVERIFY(loss.ok());
    QVERIFY(test::closeTo(loss.value()[0], 3.435019, 0, 5e-7));
    QVERIFY(test::closeTo(loss.value()[1], 3.175576, 0, 5e-7));
    QVERIFY(test::closeTo(loss.value()[2], 2.660951, 0, 5e-7));
  }

  void twoStageClosedForm() {
    // docs §9.2 and the §1.1 closed form: eta_A = 3e-4 for t <= 5840, eta_B = 9e-5 after.
    std::vector<double> lr = linspaceWarmup(kWarmup, kPeak);
    lr.resize(kWarmup + 5840, kPeak);
    lr.resize(kWarmup + 13840, 9e-5);
    const MultiPowerLaw law;
    const std::vector<std::int64_t> t = {5840, 5841, 5940, 13840};
    std::vector<std::int64_t> steps;
    for (auto v : t) steps.push_back(kWarmup + v - 1);
    const auto loss = law.predictAt(schedule(lr, kWarmup), steps, k400M);
    QVERIFY(loss.ok());
    const double expected[] = {2.853039, 2.848858, 2.774868, 2.688420};
    const auto& p = k400M;
    for (int i = 0; i < 4; ++i) {
      QVERIFY2(test::closeTo(loss.value()[i], expected[i], 0, 5e-7),
               qPrintable(QString::number(loss.value()[i], 'g', 10)));
      if (t[i] <= 5840) continue;
      const double area = 3e-4 * 5840 + 9e-5 * double(t[i] - 5840) + 0.5 * kPeak * kWarmup;
      const double closed =
          p[0] + p[1] * std::pow(area, -p[2]) -
          p[3] * (3e-4 - 9e-5) *
              (1 - std::pow(1 + p[4] * std::pow(9e-5, 1 - p[6]) * double(t[i] - 5840), -p[5]));
      QVERIFY(test::closeTo(loss.value()[i], closed, 1e-12));
    }
  }

  void referenceConventionTestVectors() {
    // docs §9.4: reference convention, 400M, final step 23999 of the 24000-step schedules.
    const MultiPowerLaw law(MultiPowerLaw::Convention::Reference);
    const std::pair<const char*, double> cases[] = {
        {"cosine", 2.7571}, {"constant", 2.8168}, {"wsd", 2.6998}, {"wsdld", 2.6994}};
    for (const auto& [kind, expected] : cases) {
      const auto loss =
          law.predictAt(schedule(mplSchedule(QLatin1String(kind), 24000), kWarmup), {23999}, k400M);
      QVERIFY(loss.ok());
      QVERIFY2(test::closeTo(loss.value()[0], expected, 0, 5e-5), kind);
    }
    // The warmup increments add +0.1554 at step 23999 of the cosine run (docs §1.2).
    const auto cosine = schedule(mplSchedule(QStringLiteral("cosine"), 24000), kWarmup);
    const double paper = MultiPowerLaw().predictAt(cosine, {23999}, k400M).value()[0];
    const double reference = law.predictAt(cosine, {23999}, k400M).value()[0];
    QVERIFY(test::closeTo(reference - paper, 0.1554, 0, 5e-5));
  }

  void fastSumMatchesDirectFormula_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("reference");
    QTest::newRow("cosine paper") << "cosine" << false;
    QTest::newRow("cosine reference") << "cosine" << true;
    QTest::newRow("wsd exp") << "wsd" << false;
    QTest::newRow("wsd linear reference") << "wsdld" << true;
    QTest::newRow("cyclic") << "cyclic" << false;
    QTest::newRow("decay to zero") << "zero" << false;
  }
  void fastSumMatchesDirectFormula() {
    QFETCH(QString, kind);
    QFETCH(bool, reference);
    std::vector<double> lr;
    if (kind == QLatin1String("cyclic")) {  // LR goes up and down: drops of both signs
      for (int n = 0; n < 6000; ++n) lr.push_back(1e-4 + 2e-4 * std::abs(std::sin(n / 700.0)));
    } else if (kind == QLatin1String("zero")) {  // cosine to exactly 0, zero LRs at the end
      for (int n = 0; n < 6000; ++n)
        lr.push_back(n < 5990 ? 3e-4 * 0.5 * (1 + std::cos(std::numbers::pi * n / 5989.0)) : 0.0);
    } else {
      lr = mplSchedule(kind, 24000);
    }
    const std::int64_t warmup =
        kind == QLatin1String("cyclic") || kind == QLatin1String("zero") ? 0 : kWarmup;
    std::vector<std::int64_t> steps;
    for (std::int64_t s = 0; s < std::int64_t(lr.size()); s += std::int64_t(lr.size()) / 37)
      steps.push_back(s);
    steps.push_back(std::int64_t(lr.size()) - 1);
    const MultiPowerLaw law(reference ? MultiPowerLaw::Convention::Reference
                                      : MultiPowerLaw::Convention::Paper);
    const auto fast = law.predictAt(schedule(lr, warmup), steps, k400M);
    QVERIFY(fast.ok());
    std::vector<double> direct;
    const std::int64_t first = reference ? 1 : std::max<std::int64_t>(warmup, 1);
    for (auto s : steps) direct.push_back(directMpl(lr, first, s, k400M));
    const double error = maxRelativeError(fast.value(), direct);
    qInfo("max relative error %.3g", error);
    QVERIFY2(error < 1e-9, qPrintable(QString::number(error)));
  }

  void jacobianMatchesFiniteDifferences() {
    const auto run = schedule(mplSchedule(QStringLiteral("wsd"), 24000), kWarmup);
    const MultiPowerLaw law;
    const std::vector<std::int64_t> steps = {2500, 12000, 20100, 21000, 23999};
    const auto prepared = law.prepare(run, steps);
    std::vector<double> loss(steps.size()), jac(steps.size() * 7), jet7(steps.size() * 7);
    law.predictWithJacobian(*prepared, k400M.data(), loss.data(), jac.data());
    // The generic templated path (Jet<double, 7> through everything) agrees.
    using Jet = ceres::Jet<double, 7>;
    std::vector<Jet> p(7), out(steps.size());
    for (int j = 0; j < 7; ++j) p[j] = Jet(k400M[j], j);
    law.evaluate<Jet>(*prepared, p.data(), out.data());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      QVERIFY(test::closeTo(out[i].a, loss[i], 1e-14));
      for (int j = 0; j < 7; ++j) QVERIFY(test::closeTo(out[i].v[j], jac[i * 7 + j], 1e-9, 1e-14));
    }
    for (int j = 0; j < 7; ++j) {
      std::vector<double> up = k400M, down = k400M, lu(steps.size()), ld(steps.size());
      const double h = 1e-6 * std::abs(k400M[j]);
      up[j] += h;
      down[j] -= h;
      law.predict(*prepared, up.data(), lu.data());
      law.predict(*prepared, down.data(), ld.data());
      for (std::size_t i = 0; i < steps.size(); ++i)
        QVERIFY2(test::closeTo((lu[i] - ld[i]) / (2 * h), jac[i * 7 + j], 1e-5, 1e-9),
                 qPrintable(QStringLiteral("param %1 step %2").arg(j).arg(steps[i])));
    }
  }

  void constantScheduleHasNoLossDrop() {
    std::vector<double> lr(5000, 2e-4);
    const auto loss = MultiPowerLaw().predictAt(schedule(lr, 0), {0, 4999}, k400M);
    QVERIFY(loss.ok());
    QVERIFY(test::closeTo(loss.value()[1], k400M[0] + k400M[1] * std::pow(5000 * 2e-4, -k400M[2]),
                          1e-14));
  }

  void rejectsBadInput() {
    const MultiPowerLaw law;
    QVERIFY(!law.predictAt(schedule({1e-4, 1e-4}, 0), {2}, k400M).ok());  // step outside
    QVERIFY(!law.predictAt(schedule({1e-4, 1e-4}, 0), {1}, {1.0}).ok());  // parameter count
    QVERIFY(!law.predictAt(schedule({1e-4, std::nan("")}, 0), {1}, k400M).ok());
    QVERIFY(!law.predictAt(schedule({1e-4, -1e-4}, 0), {1}, k400M).ok());
    QVERIFY(!law.predictAt(schedule({}, 0), {0}, k400M).ok());
    QVERIFY(!law.predictAt(schedule({1e-4}, 3), {0}, k400M).ok());  // warmup longer than run
  }
};

QTEST_GUILESS_MAIN(TestMultiPowerLaw)
#include "test_multi_power_law.moc"
