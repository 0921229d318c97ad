#pragma once
// Goodness-of-fit metrics of one run, exactly as the MPL reference evaluates them
// (data/mpl-luo2025/README.md), over the run's observed points y and predictions p:
//   R2 = 1 - sum (y-p)^2 / sum (y - mean y)^2,  MAE = mean |y-p|,  RMSE = sqrt(mean (y-p)^2),
//   PredE = mean |y-p| / y,  WorstE = max |y-p| / y.
// Tables average these per-run values over a set of runs.
#include <vector>

namespace lrscope {

struct Metrics {
  double r2 = 0.0;
  double mae = 0.0;
  double rmse = 0.0;
  double prede = 0.0;
  double worste = 0.0;
};

// Both vectors have the same non-zero length. R2 is -inf when the observations are all equal.
Metrics computeMetrics(const std::vector<double>& observed, const std::vector<double>& predicted);
// Mean of each metric over the runs (zeros when empty).
Metrics averageMetrics(const std::vector<Metrics>& runs);

}  // namespace lrscope
