#include "fit/metrics.h"

#include <cmath>
#include <limits>

namespace lrscope {

Metrics computeMetrics(const std::vector<double>& observed, const std::vector<double>& predicted) {
  const double n = static_cast<double>(observed.size());
  double mean = 0.0;
  for (double y : observed) mean += y;
  mean /= n;
  Metrics m;
  double squares = 0.0, total = 0.0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    const double error = std::abs(observed[i] - predicted[i]);
    squares += error * error;
    total += (observed[i] - mean) * (observed[i] - mean);
    m.mae += error;
    m.prede += error / observed[i];
    m.worste = std::max(m.worste, error / observed[i]);
  }
  m.r2 = total > 0.0 ? 1.0 - squares / total : -std::numeric_limits<double>::infinity();
  m.mae /= n;
  m.prede /= n;
  m.rmse = std::sqrt(squares / n);
  return m;
}

Metrics averageMetrics(const std::vector<Metrics>& runs) {
  Metrics mean;
  if (runs.empty()) return mean;
  for (const Metrics& m : runs) {
    mean.r2 += m.r2;
    mean.mae += m.mae;
    mean.rmse += m.rmse;
    mean.prede += m.prede;
    mean.worste += m.worste;
  }
  const double n = static_cast<double>(runs.size());
  mean.r2 /= n;
  mean.mae /= n;
  mean.rmse /= n;
  mean.prede /= n;
  mean.worste /= n;
  return mean;
}

}  // namespace lrscope
