// Metrics, binning, noise floor, standard errors and prediction bands.
#include <QtTest>
#include <cmath>
#include <random>

#include "fit/fitter.h"
#include "fit/observations.h"
#include "fit/prediction_band.h"
#include "law/multi_power_law.h"
#include "law/power_law_area.h"
#include "law/power_law_steps.h"
#include "lrscope_test.h"

using namespace lrscope;
using lrscope::test::closeTo;

namespace {

LawSchedule constantSchedule(int steps, double lr) {
  return {std::make_shared<PerStepLr>(std::vector<double>(steps, lr)), 0};
}

}  // namespace

class TestFitStatistics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void metricsAsDefined() {
    const std::vector<double> y = {3.0, 2.0, 1.0}, p = {2.5, 2.0, 1.5};
    const Metrics m = computeMetrics(y, p);
    QVERIFY(closeTo(m.mae, 1.0 / 3.0, 1e-15));
    QVERIFY(closeTo(m.rmse, std::sqrt(0.5 / 3.0), 1e-15));
    QVERIFY(closeTo(m.r2, 1.0 - 0.5 / 2.0, 1e-15));
    QVERIFY(closeTo(m.prede, (0.5 / 3.0 + 0.0 + 0.5 / 1.0) / 3.0, 1e-15));
    QVERIFY(closeTo(m.worste, 0.5, 1e-15));
    const Metrics mean = averageMetrics({m, computeMetrics(y, y)});
    QVERIFY(closeTo(mean.mae, 1.0 / 6.0, 1e-15));
    QVERIFY(closeTo(mean.r2, 0.875, 1e-15));
    QVERIFY(std::isinf(computeMetrics({2.0, 2.0}, {2.0, 2.1}).r2));  // constant observations
  }

  void binningAveragesConsecutivePoints() {
    std::vector<std::int64_t> steps;
    std::vector<double> loss;
    for (int i = 0; i < 10; ++i) steps.push_back(10 * i), loss.push_back(i);
    const Observations same = binObservations(steps, loss, 10);
    QCOMPARE(same.steps, steps);
    const Observations bins = binObservations(steps, loss, 4);  // sizes 2, 3, 2, 3
    QCOMPARE(bins.steps, (std::vector<std::int64_t>{5, 30, 55, 80}));
    QCOMPARE(bins.loss, (std::vector<double>{0.5, 3.0, 5.5, 8.0}));
  }

  void noiseFloorOfASmoothCurvePlusNoise() {
    std::mt19937 random(7);
    std::normal_distribution<double> gauss(0.0, 0.02);
    std::vector<double> loss;
    for (int i = 1; i <= 34000; ++i) loss.push_back(2.5 + 3.0 * std::pow(i, -0.3) + gauss(random));
    QVERIFY(closeTo(estimateNoise(loss), 0.02, 0.03));
    std::vector<double> smooth;
    for (int i = 1; i <= 1000; ++i) smooth.push_back(2.5 + 3.0 * std::pow(i, -0.3));
    QVERIFY(estimateNoise(smooth) < 1e-5);
    QCOMPARE(estimateNoise({1.0, 2.0}), 0.0);
  }

  // The fitter minimises the sum over points of Huber_delta(log y - log p). With only L0 free,
  // that minimiser solves sum_i psi(r_i) / p_i = 0 (psi(r) = clamp(r, -delta, delta), r_i = log
  // y_i - log p_i), found here by bisection. One clean run and one with outliers tell it apart
  // from a Huber loss on each run's residual norm (Ceres' HuberLoss on a multi-residual block).
  void huberObjectiveIsMinimisedPointByPoint() {
    const PowerLawSteps law;
    const double a = 1.0, alpha = 0.5, delta = 1e-3;
    std::vector<FitRun> runs(2);
    for (int r = 0; r < 2; ++r) {
      runs[r].name = r == 0 ? QStringLiteral("clean") : QStringLiteral("outliers");
      runs[r].schedule = constantSchedule(400, 3e-4);
      for (int s = 4; s < 400; s += 4) {
        const double e = r == 0 ? 4e-4 * std::sin(s) : (s % 16 == 0 ? 0.03 : -2e-3 * std::cos(s));
        runs[r].steps.push_back(s);
        runs[r].loss.push_back((2.0 + a * std::pow(s + 1.0, -alpha)) * std::exp(e));
      }
    }
    FitOptions options;
    options.multiStart = false;
    options.fixed = {{"A", a}, {"alpha", alpha}};
    options.initial = {{"L0", 2.0}};
    const FitResult fit = fitLaw(law, runs, options);
    QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
    auto slope = [&](double l0) {  // d objective / d L0
      double g = 0.0;
      for (const FitRun& run : runs)
        for (std::size_t i = 0; i < run.steps.size(); ++i) {
          const double p = l0 + a * std::pow(run.steps[i] + 1.0, -alpha);
          g -= std::clamp(std::log(run.loss[i] / p), -delta, delta) / p;
        }
      return g;
    };
    double lo = 1.9, hi = 2.1;
    QVERIFY(slope(lo) < 0 && slope(hi) > 0);
    for (int k = 0; k < 100; ++k) (slope(0.5 * (lo + hi)) < 0 ? lo : hi) = 0.5 * (lo + hi);
    QVERIFY2(closeTo(fit.parameters[0].value, lo, 1e-9),
             qPrintable(QStringLiteral("fitted L0 %1, Huber minimiser %2")
                            .arg(fit.parameters[0].value, 0, 'g', 12)
                            .arg(lo, 0, 'g', 12)));
  }

  // 34,000 noisy per-step losses: the fit bins them, stays accurate, and reports the noise floor;
  // the RMSE on the raw points then sits at that floor (the law is right, the rest is noise).
  void noisyLogIsBinnedAndReportsItsNoiseFloor() {
    const MultiPowerLaw law;
    const std::vector<double> truth = {2.5, 0.6, 0.45, 450, 2.0, 0.6, 0.65};
    std::vector<double> lr(34000);
    for (int n = 0; n < 34000; ++n)
      lr[n] = n < 500 ? 3e-4 * n / 499.0 : 3e-4 * (1.0 - 0.9 * (n - 500) / 33500.0);
    FitRun run;
    run.name = QStringLiteral("noisy");
    run.schedule = {std::make_shared<PerStepLr>(lr), 500};
    for (int s = 500; s < 34000; ++s) run.steps.push_back(s);
    run.loss = law.predictAt(run.schedule, run.steps, truth).value();
    std::mt19937 random(3);
    std::normal_distribution<double> gauss(0.0, 0.03);
    for (double& y : run.loss) y += gauss(random);
    FitOptions options;
    options.maxPointsPerRun = 500;
    options.fixed = {
        {"C", 2.0}, {"beta", 0.6}, {"gamma", 0.65}};  // one run cannot fix the drop shape
    const FitResult fit = fitLaw(law, {run}, options);
    QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
    QCOMPARE(fit.runs[0].fittedPoints, std::size_t(500));
    QCOMPARE(fit.runs[0].steps.size(), std::size_t(33500));
    QVERIFY(fit.warnings.join(' ').contains(QStringLiteral("averaged into 500 bins")));
    QVERIFY(closeTo(fit.runs[0].noiseStd, 0.03, 0.05));
    QVERIFY(closeTo(fit.runs[0].metrics.rmse, fit.runs[0].noiseStd, 0.05));
    QVERIFY(closeTo(fit.parameters[0].value, truth[0], 0.02));
    // The prediction interval is for a single raw loss, not for a bin's mean: its residual scale
    // comes from the raw points (noise 0.03 on a loss near 3: s ~ 0.01), so it holds ~95% of them.
    QVERIFY2(closeTo(fit.residualScale, 0.03 / 3.0, 0.25),
             qPrintable(QString::number(fit.residualScale)));
    QVERIFY2(fit.runs[0].bandCoverage > 0.9 && fit.runs[0].bandCoverage < 0.99,
             qPrintable(QString::number(fit.runs[0].bandCoverage)));
  }

  // Standard errors: with Gaussian noise on log loss and a least-squares fit, the reported
  // standard errors match the spread of the estimates over repeated noise draws.
  void standardErrorsMatchRepeatedFits() {
    const PowerLawArea law;
    const std::vector<double> truth = {2.0, 1.5, 0.5};
    const auto schedule = constantSchedule(5000, 1e-3);
    std::vector<std::int64_t> steps;
    for (int s = 49; s < 5000; s += 50) steps.push_back(s);
    const auto clean = law.predictAt(schedule, steps, truth).value();
    std::mt19937 random(11);
    std::normal_distribution<double> gauss(0.0, 2e-3);
    std::vector<double> l0, reportedError;
    for (int repeat = 0; repeat < 60; ++repeat) {
      FitRun run{QStringLiteral("r"), FitRole::Train, schedule, steps, clean, {}};
      for (double& y : run.loss) y *= std::exp(gauss(random));
      FitOptions options;
      options.objective = FitObjective::LeastSquares;
      const FitResult fit = fitLaw(law, {run}, options);
      QVERIFY(fit.status == FitStatus::Converged);
      l0.push_back(fit.parameters[0].value);
      reportedError.push_back(fit.parameters[0].standardError);
    }
    double mean = 0, spread = 0, reported = 0;
    for (double v : l0) mean += v / l0.size();
    for (double v : l0) spread += (v - mean) * (v - mean) / (l0.size() - 1);
    for (double v : reportedError) reported += v / reportedError.size();
    QVERIFY2(
        closeTo(std::sqrt(spread), reported, 0.25),
        qPrintable(QStringLiteral("spread %1, reported %2").arg(std::sqrt(spread)).arg(reported)));
  }

  // The residual scale estimates the noise of a correct law (sd of log loss, closed form: the
  // generating sigma), and the 95% prediction interval then holds about 95% of the points: of the
  // training run and of a fresh run from the same law, but few of a run whose L0 is 5 % higher.
  void predictionIntervalCoversNoiseOfACorrectLaw() {
    const PowerLawArea law;
    const double sigma = 2e-3;
    const auto schedule = constantSchedule(5000, 1e-3);
    std::vector<std::int64_t> steps;
    for (int s = 24; s < 5000; s += 25) steps.push_back(s);
    std::mt19937 random(5);
    std::normal_distribution<double> gauss(0.0, sigma);
    auto noisyRun = [&](const char* name, FitRole role, double l0) {
      FitRun run{QLatin1String(name),
                 role,
                 schedule,
                 steps,
                 law.predictAt(schedule, steps, {l0, 1.5, 0.5}).value(),
                 {}};
      for (double& y : run.loss) y *= std::exp(gauss(random));
      return run;
    };
    const FitResult fit = fitLaw(
        law, {noisyRun("train", FitRole::Train, 2.0), noisyRun("same law", FitRole::Test, 2.0),
              noisyRun("L0 + 5%", FitRole::Test, 2.1)});
    QVERIFY(fit.status == FitStatus::Converged);
    QVERIFY2(closeTo(fit.residualScale, sigma, 0.15),
             qPrintable(QString::number(fit.residualScale)));
    const double train = fit.runs[0].bandCoverage, same = fit.runs[1].bandCoverage,
                 shifted = fit.runs[2].bandCoverage;
    QVERIFY2(train >= 0.90 && train <= 0.995, qPrintable(QString::number(train)));  // 200 points
    QVERIFY2(same >= 0.88 && same <= 1.0, qPrintable(QString::number(same)));
    QVERIFY2(shifted < 0.1, qPrintable(QString::number(shifted)));
  }

  void predictionBandFromCovariance() {
    const PowerLawArea law;
    const std::vector<double> p = {2.0, 1.5, 0.5};
    Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(3, 3);
    cov(0, 0) = 1e-4;
    cov(1, 1) = 4e-4;
    cov(0, 1) = cov(1, 0) = -1e-4;
    const auto schedule = constantSchedule(100, 1e-2);
    const auto band = predictionBand(law, p, cov, schedule, {0, 99}, 2.0, 0.01);
    QVERIFY(band.ok());
    for (int i = 0; i < 2; ++i) {
      const double x = std::pow((i == 0 ? 1 : 100) * 1e-2, -0.5);  // d loss / d A
      const double scatter = 0.01 * (2.0 + 1.5 * x);               // s * prediction
      const double variance = 1e-4 + x * x * 4e-4 - 2 * x * 1e-4 + scatter * scatter;
      QVERIFY(closeTo(band->upper[i] - band->predicted[i], 2 * std::sqrt(variance), 1e-12));
      QVERIFY(closeTo(band->predicted[i] - band->lower[i], 2 * std::sqrt(variance), 1e-12));
    }
    const auto none = predictionBand(law, p, {}, schedule, {5});
    QVERIFY(none.ok());
    QCOMPARE(none->lower[0], none->predicted[0]);
    const auto scatterOnly = predictionBand(law, p, {}, schedule, {5}, 2.0, 0.01);
    QVERIFY(closeTo(scatterOnly->upper[0] - scatterOnly->predicted[0],
                    2 * 0.01 * scatterOnly->predicted[0], 1e-12));
    QVERIFY(!predictionBand(law, p, cov, schedule, {100}).ok());  // outside the schedule
  }
};

QTEST_GUILESS_MAIN(TestFitStatistics)
#include "test_fit_statistics.moc"
