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

  void referenceProcedureReproducesPublishedFits_data() {
    QTest::addColumn<QString>("size");
    QTest::addColumn<double>("referenceObjective");  // the reference's Huber sum at its parameters
    QTest::addColumn<QList<double>>("published");    // L0 A alpha B C beta gamma (data README)
    QTest::addColumn<QList<double>>("reference");    // its test averages: R2 MAE RMSE PredE WorstE
    QTest::newRow("25M") << "25" << 2.91e-4
                         << QList<double>{3.04045406, 0.52468604, 0.50786857, 363.78751622,
                                          2.06560812, 0.58279013, 0.64142257}
                         << QList<double>{0.9988, 0.00376, 0.00465, 0.00110, 0.00409};
    QTest::newRow("100M") << "100" << 2.81e-4
                          << QList<double>{2.6514477,  0.60115152, 0.45295811, 437.9464276,
                                           2.13245612, 0.59785199, 0.65523644}
                          << QList<double>{0.9983, 0.00435, 0.00592, 0.00142, 0.00583};
    QTest::newRow("400M") << "400" << 5.77e-4
                          << QList<double>{2.37474466, 0.65421216, 0.42878731, 523.42464371,
                                           2.02462735, 0.59350493, 0.63472457}
                          << QList<double>{0.9978, 0.00484, 0.00730, 0.00168, 0.00995};
  }
  // The reference code's own procedure (AdamW from the reduced fit, reference_adamw.h) run on
  // the standard split: it lands on the published parameters, the reference's objective and its
  // published test averages. This is what the default fitter is compared with across splits.
  void referenceProcedureReproducesPublishedFits() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    QFETCH(QString, size);
    QFETCH(double, referenceObjective);
    QFETCH(QList<double>, published);
    QFETCH(QList<double>, reference);
    const auto law = createLossLaw(QStringLiteral("mpl"), {{"convention", "reference"}});
    FitOptions options;
    options.method = FitMethod::ReferenceAdamW;
    const FitResult fit = fitLaw(**law, lrscope::test::mplRuns(size), options);
    QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
    for (int j = 0; j < 7; ++j)
      QVERIFY2(closeTo(fit.parameters[j].value, published[j], 2e-5),
               qPrintable(QStringLiteral("%1 = %2, published %3")
                              .arg(fit.parameters[j].name)
                              .arg(fit.parameters[j].value, 0, 'g', 10)
                              .arg(published[j], 0, 'g', 10)));
    QVERIFY2(closeTo(fit.objective, referenceObjective, 5e-3),
             qPrintable(QString::number(fit.objective)));
    const Metrics& t = fit.test;
    const double got[5] = {t.r2, t.mae, t.rmse, t.prede, t.worste};
    for (int k = 0; k < 5; ++k)
      QVERIFY2(
          closeTo(got[k], reference[k], 0, k == 0 ? 5e-5 : 1e-5),
          qPrintable(
              QStringLiteral("metric %1: %2, reference %3").arg(k).arg(got[k]).arg(reference[k])));
  }

  void standardSplit_data() { referenceProcedureReproducesPublishedFits_data(); }
  // Fit on cosine_24000, constant_24000, wsdcon_9 (reference convention, as the published fits);
  // predict the six others. Our objective must be lower; the test averages must match or beat.
  void standardSplit() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    QFETCH(QString, size);
    QFETCH(double, referenceObjective);
    QFETCH(QList<double>, reference);
    const auto law = createLossLaw(QStringLiteral("mpl"), {{"convention", "reference"}});
    const FitResult fit = fitLaw(**law, lrscope::test::mplRuns(size));
    QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
    const Metrics& t = fit.test;
    qInfo(
        "%sM: objective %.3g (reference %.3g); test R2 %.5f MAE %.5f RMSE %.5f PredE %.5f "
        "WorstE %.5f; %.2f s",
        qPrintable(size), fit.objective, referenceObjective, t.r2, t.mae, t.rmse, t.prede, t.worste,
        fit.elapsedSeconds);
    QVERIFY(fit.objective < referenceObjective);
    // Honest error bars: the 95% prediction interval holds about 95% of each training run, and
    // says it does not cover the 72k-step cosine run (3x the training horizon): fewer than half
    // of its points fall inside (21-31 % measured).
    for (const RunFit& run : fit.runs) {
      if (run.role == FitRole::Train) QVERIFY2(run.bandCoverage >= 0.9, qPrintable(run.name));
      if (run.name == QLatin1String("cosine_72000")) QVERIFY(run.bandCoverage < 0.5);
    }
    // Where our averages trail the reference's on this one split (expected failures, so a change
    // that closes a gap shows up as XPASS). Over all 35 splits of these runs ours are better on
    // every metric at every size (test_fit_mpl_splits): the reference procedure does unusually
    // well on this split, 400M most (its 72k-step runs need a higher L0 than the 24k-step
    // training runs give, docs/laws-and-fitting.md §6).
    const QHash<QString, QStringList> trailing = {{"25M", {"R2", "MAE", "PredE"}},
                                                  {"400M", {"R2", "MAE", "RMSE", "PredE"}}};
    const QStringList names = {"R2", "MAE", "RMSE", "PredE", "WorstE"};
    const double got[5] = {t.r2, t.mae, t.rmse, t.prede, t.worste};
    for (int k = 0; k < 5; ++k) {
      if (trailing.value(QTest::currentDataTag()).contains(names[k]))
        QEXPECT_FAIL("", qPrintable(names[k] + " trails the reference on this split"), Continue);
      // The reference rounds R2 to 4 decimals, the others to 5.
      QVERIFY2(
          k == 0 ? got[k] >= reference[k] - 5e-5 : got[k] <= reference[k],
          qPrintable(
              QStringLiteral("%1: %2, reference %3").arg(names[k]).arg(got[k]).arg(reference[k])));
    }
  }

  void momentumLawPredictsWorse() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    for (const QString size : {"25", "100", "400"}) {
      const auto runs = lrscope::test::mplRuns(size);
      const FitResult mpl = fitLaw(**createLossLaw(QStringLiteral("mpl")), runs);
      const FitResult momentum = fitLaw(**createLossLaw(QStringLiteral("momentum")), runs);
      qInfo("%sM test MAE: MPL %.5f, momentum law %.5f", qPrintable(size), mpl.test.mae,
            momentum.test.mae);
      QVERIFY(momentum.test.mae > mpl.test.mae);
      QVERIFY(momentum.test.rmse > mpl.test.rmse);
      QVERIFY(momentum.test.r2 < mpl.test.r2);
    }
  }
};

QTEST_GUILESS_MAIN(TestFitMplReference)
#include "test_fit_mpl_reference.moc"
