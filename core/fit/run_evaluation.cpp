#include "fit/run_evaluation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "fit/observations.h"
#include "fit/prediction_band.h"

namespace lrscope {

void usablePoints(const FitRun& run, std::vector<std::int64_t>& steps, std::vector<double>& loss) {
  for (std::size_t i = 0; i < run.steps.size(); ++i)
    if (std::isfinite(run.loss[i]) && run.loss[i] > 0) {
      steps.push_back(run.steps[i]);
      loss.push_back(run.loss[i]);
    }
}

namespace {

constexpr double kFarExtrapolation = 1.5;  // test steps past this many times the training horizon

// A test run observed far past every training run is predicted from the law's form alone: its
// error is not in the fit statistics (docs/laws-and-fitting.md §6).
void warnFarExtrapolation(FitResult& result) {
  std::int64_t horizon = 0;
  for (const RunFit& run : result.runs)
    if (run.role == FitRole::Train && !run.steps.empty())
      horizon = std::max(horizon, run.steps.back());
  for (const RunFit& run : result.runs) {
    if (run.role != FitRole::Test || run.steps.empty() || horizon <= 0) continue;
    const double reach = static_cast<double>(run.steps.back()) / static_cast<double>(horizon);
    if (reach > kFarExtrapolation)
      result.warnings << QStringLiteral(
                             "run '%1' reaches step %2, %3x the last training step (%4): that far "
                             "out the prediction rests on the law's form, which the training runs "
                             "cannot check, and the parameter standard errors do not cover it")
                             .arg(run.name)
                             .arg(run.steps.back())
                             .arg(reach, 0, 'f', 1)
                             .arg(horizon);
  }
}

// s = sqrt(sum r^2 / (N - p_free)) over the raw observed points of the training runs, r the log
// residuals (FitResult::residualScale); NaN when N <= p_free.
double rawResidualScale(const FitResult& result) {
  double squares = 0.0, n = 0.0, free = 0.0;
  for (const ParameterEstimate& p : result.parameters) free += !p.fixed;
  for (const RunFit& run : result.runs) {
    if (run.role != FitRole::Train) continue;
    for (std::size_t i = 0; i < run.observed.size(); ++i) {
      const double r = std::log(run.observed[i]) - std::log(run.predicted[i]);
      squares += r * r;
      n += 1;
    }
  }
  return n > free ? std::sqrt(squares / (n - free)) : std::numeric_limits<double>::quiet_NaN();
}

// RunFit::lower, upper and bandCoverage.
void predictionInterval(const LossLaw& law, const FitResult& result,
                        const std::vector<double>& values, const LawSchedule& schedule,
                        RunFit& fit) {
  if (fit.observed.empty() || result.covariance.rows() == 0 || !std::isfinite(result.residualScale))
    return;
  auto band = predictionBand(law, values, result.covariance, schedule, fit.steps, 1.96,
                             result.residualScale);
  if (!band) return;
  fit.lower = std::move(band->lower);
  fit.upper = std::move(band->upper);
  std::size_t inside = 0;
  for (std::size_t i = 0; i < fit.observed.size(); ++i)
    inside += fit.observed[i] >= fit.lower[i] && fit.observed[i] <= fit.upper[i];
  fit.bandCoverage = double(inside) / double(fit.observed.size());
}

}  // namespace

void evaluateRuns(const LossLaw& law, const std::vector<FitRun>& runs,
                  const std::vector<std::size_t>& fitted, FitResult& result) {
  std::vector<Metrics> train, test;
  const std::vector<double> values = result.values();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    RunFit fit;
    fit.name = runs[r].name;
    fit.source = runs[r].source;
    fit.warmupSteps = runs[r].schedule.warmupSteps;
    fit.role = runs[r].role;
    fit.fittedPoints = fitted[r];
    usablePoints(runs[r], fit.steps, fit.observed);
    if (fit.observed.empty()) {
      result.warnings << QStringLiteral("run '%1' has no usable loss values").arg(fit.name);
      result.runs.push_back(fit);
      continue;
    }
    fit.predicted.resize(fit.steps.size());
    law.predict(*law.prepare(runs[r].schedule, fit.steps), values.data(), fit.predicted.data());
    fit.metrics = computeMetrics(fit.observed, fit.predicted);
    fit.noiseStd = estimateNoise(fit.observed);
    if (!std::isfinite(fit.metrics.mae))
      result.warnings << QStringLiteral("run '%1': the prediction is not finite").arg(fit.name);
    (fit.role == FitRole::Train ? train : test).push_back(fit.metrics);
    result.runs.push_back(std::move(fit));
  }
  result.train = averageMetrics(train);
  result.test = averageMetrics(test);
  result.hasTest = !test.empty();
  result.residualScale = rawResidualScale(result);
  for (std::size_t r = 0; r < runs.size(); ++r)
    predictionInterval(law, result, values, runs[r].schedule, result.runs[r]);
  warnFarExtrapolation(result);
}

}  // namespace lrscope
