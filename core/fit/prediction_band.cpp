#include "fit/prediction_band.h"

#include <cmath>

namespace lrscope {

Result<PredictionBand> predictionBand(const LossLaw& law, const std::vector<double>& params,
                                      const Eigen::MatrixXd& covariance,
                                      const LawSchedule& schedule,
                                      const std::vector<std::int64_t>& steps, double z,
                                      double relativeScatter) {
  const auto checked = law.predictAt(schedule, steps, params);  // validates the input
  if (!checked) return Error{checked.error()};
  const int n = law.parameterCount();
  PredictionBand band;
  band.predicted = checked.value();
  std::vector<double> variance(steps.size(), 0.0);
  if (covariance.rows() == n && covariance.cols() == n) {
    const auto run = law.prepare(schedule, steps);
    std::vector<double> loss(steps.size()), jacobian(steps.size() * n);
    law.predictWithJacobian(*run, params.data(), loss.data(), jacobian.data());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const Eigen::Map<const Eigen::RowVectorXd> row(&jacobian[i * n], n);
      variance[i] = std::max((row * covariance * row.transpose())(0, 0), 0.0);
    }
  }
  band.lower = band.upper = band.predicted;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const double scatter = relativeScatter * band.predicted[i];
    const double half = z * std::sqrt(variance[i] + scatter * scatter);
    band.lower[i] -= half;
    band.upper[i] += half;
  }
  return band;
}

}  // namespace lrscope
