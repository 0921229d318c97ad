// Power law in LR area and in steps: closed forms and derivatives.
#include <QtTest>

#include "law/power_law_area.h"
#include "law/power_law_steps.h"
#include "law_test_helpers.h"

using namespace lrscope;
using lrscope::test::closeTo;
using lrscope::test::lawSchedule;

class TestBaselineLaws : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void powerLawInArea() {
    std::vector<double> lr = {1e-4, 2e-4, 3e-4, 3e-4, 1e-4};
    const std::vector<double> p = {2.0, 0.5, 0.4};
    const auto loss = PowerLawArea().predictAt(lawSchedule(lr, 2), {0, 2, 4}, p);
    QVERIFY(loss.ok());
    QVERIFY(closeTo(loss.value()[0], 2.0 + 0.5 * std::pow(1e-4, -0.4), 1e-14));
    QVERIFY(closeTo(loss.value()[1], 2.0 + 0.5 * std::pow(6e-4, -0.4), 1e-14));
    QVERIFY(closeTo(loss.value()[2], 2.0 + 0.5 * std::pow(10e-4, -0.4), 1e-14));
    QVERIFY(lrscope::test::jacobianMatchesDifferences(PowerLawArea(), lawSchedule(lr), {1, 4}, p));
  }

  void powerLawInSteps() {
    std::vector<double> lr(1000, 1e-4);
    const std::vector<double> p = {2.0, 3.0, 0.3};
    const auto loss = PowerLawSteps().predictAt(lawSchedule(lr), {0, 99, 999}, p);
    QVERIFY(loss.ok());
    QVERIFY(closeTo(loss.value()[0], 5.0, 1e-15));
    QVERIFY(closeTo(loss.value()[1], 2.0 + 3.0 * std::pow(100.0, -0.3), 1e-14));
    QVERIFY(closeTo(loss.value()[2], 2.0 + 3.0 * std::pow(1000.0, -0.3), 1e-14));
    QVERIFY(
        lrscope::test::jacobianMatchesDifferences(PowerLawSteps(), lawSchedule(lr), {5, 999}, p));
  }
};

QTEST_GUILESS_MAIN(TestBaselineLaws)
#include "test_baseline_laws.moc"
