// Fitter control: progress, cancel, failures as results, bound hits, bad input, parallel fits.
#include <QtTest>
#include <cmath>
#include <thread>

#include "fit/fitter.h"
#include "law/law_registry.h"
#include "lrscope_test.h"
#include "synthetic_runs.h"

using namespace lrscope;

namespace {

using test::SyntheticShape;

// Three MPL-style runs of 6000 steps from known parameters: constant and cosine for training,
// the two-stage one held out.
std::vector<FitRun> mplRuns(double scale = 1.0) {
  const std::vector<double> truth = {2.5 * scale, 0.6, 0.45, 450, 2.0, 0.6, 0.65};
  return {test::syntheticMplRun(SyntheticShape::Constant, FitRole::Train, 6000, truth),
          test::syntheticMplRun(SyntheticShape::Cosine, FitRole::Train, 6000, truth),
          test::syntheticMplRun(SyntheticShape::TwoStage, FitRole::Test, 6000, truth)};
}

}  // namespace

class TestFitterControl : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void progressCarriesCurrentParameters() {
    const auto law = *createLossLaw(QStringLiteral("mpl"));
    std::vector<FitProgress> seen;
    FitCallbacks callbacks;
    callbacks.progress = [&](const FitProgress& p) { seen.push_back(p); };
    const FitResult fit = fitLaw(*law, mplRuns(), {}, callbacks);
    QVERIFY(fit.status == FitStatus::Converged);
    QVERIFY(seen.size() > 5);
    for (const FitProgress& p : seen) {
      QCOMPARE(int(p.parameters.size()), 7);
      QVERIFY(p.stage == QLatin1String("screen") || p.stage == QLatin1String("refine"));
      QVERIFY(p.start < p.starts);
      QVERIFY(std::isfinite(p.objective));
    }
    QCOMPARE(fit.runs.size(), std::size_t(3));
    QVERIFY(fit.hasTest);
    QVERIFY(fit.test.mae < 5e-3);  // held-out two-stage run (the mild prior allows ~delta misfit)
  }

  void cancelStopsPromptlyWithBestSoFar() {
    const auto law = *createLossLaw(QStringLiteral("mpl"));
    CancelToken token;
    int callsAfterCancel = -1;
    FitCallbacks callbacks;
    callbacks.cancel = &token;
    callbacks.progress = [&](const FitProgress&) {
      if (callsAfterCancel >= 0) ++callsAfterCancel;
      if (!token.isCancelled()) {
        token.cancel();
        callsAfterCancel = 0;
      }
    };
    const FitResult fit = fitLaw(*law, mplRuns(), {}, callbacks);
    QCOMPARE(fit.status, FitStatus::Cancelled);
    QCOMPARE(callsAfterCancel, 0);  // no further iteration once cancelled
    QCOMPARE(fit.parameters.size(), std::size_t(7));
    for (const auto& p : fit.parameters) QVERIFY(std::isfinite(p.value));
    QVERIFY(std::isfinite(fit.objective));
    QCOMPARE(fit.runs.size(), std::size_t(3));  // still evaluated at the best parameters so far

    CancelToken before;
    before.cancel();
    const FitResult early = fitLaw(*law, mplRuns(), {}, {{}, &before});
    QCOMPARE(early.status, FitStatus::Cancelled);
  }

  void nonFinitePredictionIsAFailedResult() {
    // A schedule with LR 0 everywhere: the LR area is 0 and area^-alpha is infinite.
    const auto law = *createLossLaw(QStringLiteral("power-area"));
    FitRun run;
    run.name = QStringLiteral("zero");
    run.schedule = {std::make_shared<PerStepLr>(std::vector<double>(100, 0.0)), 0};
    run.steps = {10, 20, 30};
    run.loss = {3.0, 2.9, 2.8};
    const FitResult fit = fitLaw(*law, {run});
    QCOMPARE(fit.status, FitStatus::Failed);
    QVERIFY(fit.message.contains(QStringLiteral("finite prediction")));
    QCOMPARE(fit.parameters.size(), std::size_t(3));
  }

  void boundHitsAreReported() {
    // A rising loss: the power law wants a negative exponent and stops at alpha's lower bound.
    const auto law = *createLossLaw(QStringLiteral("power-area"));
    FitRun run;
    run.name = QStringLiteral("rising");
    run.schedule = {std::make_shared<PerStepLr>(std::vector<double>(1000, 1e-3)), 0};
    for (int s = 9; s < 1000; s += 10) run.steps.push_back(s), run.loss.push_back(2.0 + s * 1e-4);
    const FitResult fit = fitLaw(*law, {run});
    QVERIFY(fit.status != FitStatus::Failed);
    const ParameterEstimate& alpha = fit.parameters[2];
    QVERIFY(alpha.atLowerBound || fit.parameters[1].atLowerBound);
    QVERIFY(fit.warnings.join(' ').contains(QStringLiteral("sits on its lower bound")));
  }

  void badInputIsReportedNotCrashed() {
    const auto law = *createLossLaw(QStringLiteral("mpl"));
    auto runs = mplRuns();
    FitOptions unknown;
    unknown.fixed = {{"delta", 1.0}};
    FitResult fit = fitLaw(*law, runs, unknown);
    QCOMPARE(fit.status, FitStatus::Failed);
    QVERIFY(fit.message.contains(QStringLiteral("no parameter 'delta'")));
    QVERIFY(fit.message.contains(QStringLiteral("L0, A, alpha")));

    auto outside = runs;
    outside[0].steps.back() = 6000;
    fit = fitLaw(*law, outside);
    QCOMPARE(fit.status, FitStatus::Failed);
    QVERIFY(fit.message.contains(QStringLiteral("run 'constant'")));
    QVERIFY(fit.message.contains(QStringLiteral("outside its schedule")));

    auto unsorted = runs;
    std::swap(unsorted[1].steps[3], unsorted[1].steps[4]);
    QVERIFY(fitLaw(*law, unsorted).message.contains(QStringLiteral("not increasing")));

    auto mismatched = runs;
    mismatched[0].loss.pop_back();
    QVERIFY(fitLaw(*law, mismatched).message.contains(QStringLiteral("losses")));

    auto noTrain = runs;
    for (auto& r : noTrain) r.role = FitRole::Test;
    QVERIFY(fitLaw(*law, noTrain).message.contains(QStringLiteral("no training run")));

    auto nans = runs;
    nans[0].loss[0] = std::nan("");
    nans[0].loss[1] = -1.0;
    fit = fitLaw(*law, nans);
    QVERIFY(fit.status == FitStatus::Converged);
    QVERIFY(
        fit.warnings.join(' ').contains(QStringLiteral("2 points without a finite positive loss")));

    FitOptions badBounds;
    badBounds.bounds = {{"B", {10.0, 1.0}}};
    QCOMPARE(fitLaw(*law, runs, badBounds).status, FitStatus::Failed);
    FitOptions infinite;
    infinite.initial = {{"A", std::numeric_limits<double>::infinity()}};
    QCOMPARE(fitLaw(*law, runs, infinite).status, FitStatus::Failed);
  }

  // The prior's strength per parameter: kappa (default 8) on B, C, beta, gamma and 0 on L0, A,
  // alpha unless set by name; the penalty is
  // sum_j 1/2 kappa_j N delta^2 (log p_j / centre_j)^2.
  void priorStrengthPerParameter() {
    const auto law = *createLossLaw(QStringLiteral("mpl"));
    FitOptions pinned;
    pinned.priorStrengthFor = {{"L0", 1e6}, {"B", 0.0}};
    for (const FitOptions& options : {FitOptions{}, pinned}) {
      const FitResult fit = fitLaw(*law, mplRuns(), options);
      QVERIFY2(fit.status == FitStatus::Converged, qPrintable(fit.message));
      const bool isPinned = !options.priorStrengthFor.empty();
      const std::vector<double> expected = {
          isPinned ? 1e6 : 0.0, 0, 0, isPinned ? 0.0 : 8.0, 8, 8, 8};
      QCOMPARE(fit.priorStrengths, expected);
      double n = 0;
      for (const RunFit& run : fit.runs)
        if (run.role == FitRole::Train) n += double(run.fittedPoints);
      double penalty = 0;
      for (std::size_t j = 0; j < expected.size(); ++j) {
        const double d = std::log(fit.parameters[j].value / fit.priorCentre[j]);
        penalty += 0.5 * expected[j] * n * 1e-6 * d * d;
      }
      QVERIFY(test::closeTo(fit.priorPenalty, penalty, 1e-12));
      if (isPinned) QVERIFY(test::closeTo(fit.parameters[0].value, fit.priorCentre[0], 1e-4));
    }
    FitOptions unknown, negative;
    unknown.priorStrengthFor = {{"kappa", 1.0}};
    negative.priorStrengthFor = {{"L0", -1.0}};
    QVERIFY(
        fitLaw(*law, mplRuns(), unknown).message.contains(QStringLiteral("no parameter 'kappa'")));
    QVERIFY(
        fitLaw(*law, mplRuns(), negative).message.contains(QStringLiteral("prior strength of L0")));
  }

  // The two-stage run held out to step 5950 against training runs cut at step 2000 (~3x): a
  // warning naming run and reach; held out to step 2950 (1.5x): none.
  void farExtrapolationIsWarned() {
    const auto law = *createLossLaw(QStringLiteral("mpl"));
    for (const std::int64_t last : {std::int64_t(5950), std::int64_t(2950)}) {
      std::vector<FitRun> runs = mplRuns();
      for (FitRun& run : runs) {
        const std::int64_t end = run.role == FitRole::Train ? 2000 : last;
        while (run.steps.back() > end) {
          run.steps.pop_back();
          run.loss.pop_back();
        }
      }
      const FitResult fit = fitLaw(*law, runs);
      const QStringList warned = fit.warnings.filter(QStringLiteral("the last training step"));
      if (last == 2950) {
        QVERIFY2(warned.isEmpty(), qPrintable(warned.join('\n')));
        continue;
      }
      QCOMPARE(warned.size(), 1);
      QVERIFY2(warned[0].startsWith(QStringLiteral(
                   "run 'two-stage' reaches step 5950, 3.0x the last training step (2000)")),
               qPrintable(warned[0]));
    }
  }

  void independentFitsRunInParallel() {
    const auto mpl = *createLossLaw(QStringLiteral("mpl"));
    const auto momentum = *createLossLaw(QStringLiteral("momentum"));
    const std::vector<std::vector<FitRun>> data = {mplRuns(1.0), mplRuns(1.1), mplRuns(0.9)};
    std::vector<FitResult> serial, parallel(4);
    for (const auto& runs : data) serial.push_back(fitLaw(*mpl, runs));
    serial.push_back(fitLaw(*momentum, data[0]));
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
      threads.emplace_back([&, i] { parallel[i] = fitLaw(i < 3 ? *mpl : *momentum, data[i % 3]); });
    for (auto& t : threads) t.join();
    for (int i = 0; i < 4; ++i) {
      QCOMPARE(parallel[i].status, serial[i].status);
      QCOMPARE(parallel[i].values(), serial[i].values());
    }
    QVERIFY(lrscope::test::closeTo(serial[1].parameters[0].value, 2.75, 1e-3));
  }
};

QTEST_GUILESS_MAIN(TestFitterControl)
#include "test_fitter_control.moc"
