#pragma once
// The last stage of fitLaw: the fitted law evaluated on every run, training and test alike.
//  * Per run, on its raw usable points (not the bins a long log is fitted on): the prediction,
//    the metrics (metrics.h), the noise floor (observations.h), the 95% prediction interval
//    pred +- 1.96 sqrt(J Cov J^T + (s pred)^2) (prediction_band.h) and the share of the points
//    inside it (RunFit::bandCoverage); averages over the train and over the test runs.
//  * s = FitResult::residualScale = sqrt(sum r^2 / (N - p_free)) of the log residuals over the
//    training runs' raw points: the scatter of one logged loss around the law, misfit and noise.
//  * A test run observed past 1.5x the last training step gets a warning: there the prediction
//    rests on the law's form alone, which no fit statistic covers.
#include <cstdint>
#include <vector>

#include "fit/fitter.h"

namespace lrscope {

// The points of a run a log-residual fit can use: finite loss > 0.
void usablePoints(const FitRun& run, std::vector<std::int64_t>& steps, std::vector<double>& loss);

// Fills result.runs (one per run, in order), result.train/test/hasTest, result.residualScale and
// the warnings above; needs result.parameters and result.covariance. `fitted` is each run's
// number of fitted residuals (RunFit::fittedPoints).
void evaluateRuns(const LossLaw& law, const std::vector<FitRun>& runs,
                  const std::vector<std::size_t>& fitted, FitResult& result);

}  // namespace lrscope
