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

  void standardSplit_data() {
    QTest::addColumn<QString>("size");
    QTest::addColumn<double>("referenceObjective");  // the reference's Huber sum at its parameters
    QTest::addColumn<QList<double>>("reference");    // its test averages: R2 MAE RMSE PredE WorstE
    QTest::newRow("25M") << "25" << 2.91e-4
                         << QList<double>{0.9988, 0.00376, 0.00465, 0.00110, 0.00409};
    QTest::newRow("100M") << "100" << 2.81e-4
                          << QList<double>{0.9983, 0.00435, 0.00592, 0.00142, 0.00583};
    QTest::newRow("400M") << "400" << 5.77e-4
                          << QList<double>{0.9978, 0.00484, 0.00730, 0.00168, 0.00995};
  }
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
    QVERIFY(t.worste <= reference[4]);
    // 400M: the training runs put L0 lower than the 72k-step runs need; a prior pulling L0 up
    // (--prior L0=60) meets these four on this split but predicts worse on most other splits of
    // the same runs (docs/laws-and-fitting.md §6), so it is not the default. Known shortfall.
    const char* why = "400M: R2/MAE/RMSE/PredE trail the reference (L0 from 24k-step runs)";
    QEXPECT_FAIL("400M", why, Continue);
    QVERIFY(t.r2 >= reference[0] - 5e-5);  // the reference rounds R2 to 4 decimals
    QEXPECT_FAIL("400M", why, Continue);
    QVERIFY(t.mae <= reference[1]);
    QEXPECT_FAIL("400M", why, Continue);
    QVERIFY(t.rmse <= reference[2]);
    QEXPECT_FAIL("400M", why, Continue);
    QVERIFY(t.prede <= reference[3]);
  }

  // Why the 400M shortfall stays: a prior pulling L0 toward the reduced fit 15x harder (kappa_L0
  // = 60) beats the reference on this split, but on two other splits of the same nine runs
  // (three 24k-step runs for training, the rest held out) it predicts worse than the default
  // prior; over all 35 such splits it wins 13 (docs/laws-and-fitting.md §6).
  void strongerL0PriorIsSplitSpecific() {
    LRSCOPE_REQUIRE_SHARED_DATA("mpl-luo2025");
    const auto law = createLossLaw(QStringLiteral("mpl"), {{"convention", "reference"}});
    FitOptions strongL0;
    strongL0.priorStrengthFor = {{"L0", 60.0}};
    const Metrics standard = fitLaw(**law, lrscope::test::mplRuns("400"), strongL0).test;
    QVERIFY(standard.r2 >= 0.9978 - 5e-5 && standard.mae <= 0.00484 && standard.rmse <= 0.00730 &&
            standard.prede <= 0.00168 && standard.worste <= 0.00995);
    const QStringList all = lrscope::test::kMplTrain + lrscope::test::kMplTest;
    for (const QStringList& train :
         {QStringList{"constant_24000", "wsd_20000_24000", "wsdcon_3"},
          QStringList{"cosine_24000", "wsdld_20000_24000", "wsdcon_18"}}) {
      std::vector<FitRun> runs;
      for (const QString& r : all)
        runs.push_back(
            lrscope::test::mplRun("400", r, train.contains(r) ? FitRole::Train : FitRole::Test));
      const double uniform = fitLaw(**law, runs).test.mae;
      const double pulled = fitLaw(**law, runs, strongL0).test.mae;
      qInfo("train %s: test MAE %.5f (default prior), %.5f (kappa_L0 = 60)",
            qPrintable(train.join(", ")), uniform, pulled);
      QVERIFY(pulled > uniform);
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
