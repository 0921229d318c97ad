// CPT law (experimental): reduces to the momentum law before the CPT starts, the two shift forms,
// derivatives.
#include <QtTest>

#include "law/cpt_law.h"
#include "law/momentum_law.h"
#include "law_test_helpers.h"

using namespace lrscope;
using lrscope::test::closeTo;
using lrscope::test::lawSchedule;

class TestCptLaw : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shiftTermsOnTopOfMomentumLaw() {
    // PT: 1000 steps decaying to 3e-5; CPT from step 1000: re-warm to 2e-4 over 100, then flat.
    std::vector<double> lr;
    for (int n = 0; n < 1000; ++n) lr.push_back(3e-4 - 2.7e-4 * n / 999.0);
    for (int n = 0; n < 100; ++n) lr.push_back(3e-5 + 1.7e-4 * n / 99.0);
    lr.resize(3000, 2e-4);
    const auto run = lawSchedule(lr);
    const std::vector<std::int64_t> steps = {500, 999, 1000, 1500, 2999};
    const std::vector<double> momentum = {2.5, 0.4, 0.5, 0.3, 0.999};
    const double B = 0.08, E = 40.0, beta = 0.7;
    std::vector<double> cpt = momentum;
    cpt.insert(cpt.end(), {B, E, beta});
    const auto base = MomentumLaw().predictAt(run, steps, momentum).value();
    const auto power = CptLaw(1000).predictAt(run, steps, cpt).value();
    const auto stretched =
        CptLaw(1000, CptLaw::Shift::StretchedExponential).predictAt(run, steps, cpt).value();
    for (std::size_t i = 0; i < steps.size(); ++i) {
      double area = 0;
      for (std::int64_t n = 1000; n <= steps[i]; ++n) area += lr[n];
      QVERIFY(closeTo(power[i], base[i] + B * (1 - std::pow(1 + E * area, -beta)), 1e-13));
      QVERIFY(
          closeTo(stretched[i], base[i] + B * (1 - std::exp(-std::pow(E * area, beta))), 1e-13));
    }
    QCOMPARE(power[0], base[0]);  // before the CPT starts there is no shift
    QVERIFY(lrscope::test::jacobianMatchesDifferences(CptLaw(1000), run, {1200, 2999}, cpt));
    QVERIFY(CptLaw().experimental());
  }
};

QTEST_GUILESS_MAIN(TestCptLaw)
#include "test_cpt_law.moc"
