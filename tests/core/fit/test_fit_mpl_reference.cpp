// MPL on the paper's real curves (shared data): the golden per-run metrics of the published 100M
// parameters, and our fit on the standard split against the reference numbers.
#include <QtTest>

#include "fit/fitter.h"
#include "law/law_registry.h"
#include "law/multi_power_law.h"
#include "mpl_data.h"

using namespace lrscope;
using lrscope::test::closeTo;

class TestFitMplReference : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void goldenMetricsOfPublished100M() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const MultiPowerLaw law(MultiPowerLaw::Convention::Reference);
    const std::vector<double> p = {2.6514477,  0.60115152, 0.45295811, 437.9464276,
                                   2.13245612, 0.59785199, 0.65523644};
    FitOptions options;
    for (int j = 0; j < 7; ++j) options.fixed.push_back({law.parameters()[j].name, p[j]});
    const FitResult fit = fitLaw(law, lrscope::test::mplRuns(QStringLiteral("100")), options);
    QCOMPARE(fit.runs.size(), std::size_t(9));
    // README table, R2 / MAE / RMSE / PredE / WorstE, in the order of mplRuns().
    const double expected[9][5] = {
        {.99934, .00328, .00442, .00107, .00371}, {.99981, .00185, .00207, .00059, .00139},
        {.99864, .00493, .00634, .00158, .00547}, {.99796, .00478, .00567, .00158, .00664},
        {.99699, .00727, .00821, .00245, .00455}, {.99867, .00375, .00592, .00123, .00523},
        {.99904, .00325, .00492, .00106, .00572}, {.99728, .00567, .00890, .00181, .01034},
        {.99987, .00138, .00190, .00043, .00251}};
    for (int r = 0; r < 9; ++r) {
      const Metrics& m = fit.runs[r].metrics;
      const double got[5] = {m.r2, m.mae, m.rmse, m.prede, m.worste};
      for (int k = 0; k < 5; ++k)
        QVERIFY2(closeTo(got[k], expected[r][k], 0, 5e-6),
                 qPrintable(QStringLiteral("%1 metric %2: %3 vs %4")
                                .arg(fit.runs[r].name)
                                .arg(k)
                                .arg(got[k], 0, 'f', 6)
                                .arg(expected[r][k])));
    }
  }
};

QTEST_GUILESS_MAIN(TestFitMplReference)
#include "test_fit_mpl_reference.moc"
