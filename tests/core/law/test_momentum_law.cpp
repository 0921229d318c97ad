// Momentum law (Tissue et al.): docs §9.5 S2 vector, the momentum recursion, warmup treatment.
#include <QtTest>

#include "law/momentum_law.h"
#include "law_test_helpers.h"

using namespace lrscope;
using lrscope::test::lawSchedule;

namespace {

// S2 by the recursion m_i = lambda m_{i-1} + (eta_{i-1} - eta_i), written out directly.
double recursionS2(const std::vector<double>& lr, std::int64_t s, double lambda) {
  double m = 0, s2 = 0;
  for (std::int64_t i = 1; i <= s; ++i) {
    m = lambda * m + (lr[i - 1] - lr[i]);
    s2 += m;
  }
  return s2;
}

// Parameters that make the law return S2 (L0 = A = 0, C = -1) or S1 (A = 1, alpha = -1).
std::vector<double> s2Probe(double lambda) {
  return {0, 0, 0, -1, lambda};
}
std::vector<double> s1Probe() {
  return {0, 1, -1, 0, 0.999};
}

}  // namespace

class TestMomentumLaw : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void docsTestVector() {
    // eta_0 = 1, eta_i = 1 for i <= 800, then linspace(1, 0, 201)[1:]: S2(1000) = 94.150903.
    std::vector<double> lr(801, 1.0);
    for (int k = 1; k <= 200; ++k) lr.push_back(1.0 - k / 200.0);
    const MomentumLaw law;
    const auto s2 = law.predictAt(lawSchedule(lr), {1000}, s2Probe(0.999));
    QVERIFY(s2.ok());
    QVERIFY(lrscope::test::closeTo(s2.value()[0], 94.150903, 0, 5e-7));
    // S1 counts lr[0] .. lr[s] (the snippet's cumsum): the docs' 899.5 plus eta_0 = 1.
    QVERIFY(lrscope::test::closeTo(law.predictAt(lawSchedule(lr), {1000}, s1Probe()).value()[0],
                                   900.5, 1e-14));
  }

  void matchesRecursionOnAnyShape() {
    std::vector<double> lr;
    for (int n = 0; n < 3000; ++n)  // re-warming and decays, some flat stretches
      lr.push_back(n % 700 < 300 ? 2e-4 : 1e-4 + 1e-4 * std::cos(n / 97.0));
    const std::vector<std::int64_t> steps = {2999, 0, 1, 299, 300, 1500, 2200};  // unsorted
    for (double lambda : {0.5, 0.99, 0.999, 0.99999}) {
      const auto s2 = MomentumLaw(AnnealingAreas::Warmup::Actual)
                          .predictAt(lawSchedule(lr), steps, s2Probe(lambda));
      QVERIFY(s2.ok());
      for (std::size_t i = 0; i < steps.size(); ++i)
        QVERIFY2(
            lrscope::test::closeTo(s2.value()[i], recursionS2(lr, steps[i], lambda), 1e-9, 1e-15),
            qPrintable(QStringLiteral("lambda %1 step %2").arg(lambda).arg(steps[i])));
    }
  }

  void referenceWarmupCountsPeak() {
    // Linear warmup over W = 100 to 3e-4, then cosine: the reference treatment sees lr[W-1]
    // for every warmup step (S1 += W lr[W-1], no S2 from the ramp).
    std::vector<double> lr;
    for (int n = 0; n < 100; ++n) lr.push_back(3e-4 * n / 99.0);
    for (int n = 0; n < 900; ++n) lr.push_back(3e-4 * (0.55 + 0.45 * std::cos(n / 300.0)));
    std::vector<double> seen = lr;
    std::fill(seen.begin(), seen.begin() + 100, 3e-4);
    const MomentumLaw reference;
    const auto run = lawSchedule(lr, 100);
    for (std::int64_t s : {50, 99, 100, 500, 999}) {
      double s1 = 0;
      for (std::int64_t n = 0; n <= s; ++n) s1 += seen[n];
      QVERIFY(
          lrscope::test::closeTo(reference.predictAt(run, {s}, s1Probe()).value()[0], s1, 1e-12));
      QVERIFY(lrscope::test::closeTo(reference.predictAt(run, {s}, s2Probe(0.999)).value()[0],
                                     recursionS2(seen, s, 0.999), 1e-9, 1e-15));
      QVERIFY(lrscope::test::closeTo(MomentumLaw(AnnealingAreas::Warmup::Actual)
                                         .predictAt(run, {s}, s2Probe(0.999))
                                         .value()[0],
                                     recursionS2(lr, s, 0.999), 1e-9, 1e-15));
    }
  }

  void jacobian() {
    std::vector<double> lr(200, 3e-4);
    for (int n = 0; n < 3000; ++n) lr.push_back(3e-4 * (1 - n / 3200.0));
    QVERIFY(lrscope::test::jacobianMatchesDifferences(MomentumLaw(), lawSchedule(lr, 200),
                                                      {10, 500, 1500, 3100},
                                                      {2.6, 0.43, 0.55, 0.41, 0.998}));
  }
};

QTEST_GUILESS_MAIN(TestMomentumLaw)
#include "test_momentum_law.moc"
