#include "fit/prediction_band.h"

#include <cmath>

namespace lrscope {

Result<PredictionBand> predictionBand(const LossLaw& law, const std::vector<double>& params,
                                      const Eigen::MatrixXd& covariance,
                                      const LawSchedule& schedule,
                                      const std::vector<std::int64_t>& steps, double z,
                                      double noiseStd) {
  const auto checked = law.predictAt(schedule, steps, params);  // validates the input
  if (!checked) return Error{checked.error()};
  const int n = law.parameterCount();
  PredictionBand band;
  band.predicted = checked.value();
  band.lower = band.upper = band.predicted;
  if (covariance.rows() != n || covariance.cols() != n) return band;
  const auto run = law.prepare(schedule, steps);
  std::vector<double> loss(steps.size()), jacobian(steps.size() * n);
  law.predictWithJacobian(*run, params.data(), loss.data(), jacobian.data());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Eigen::Map<const Eigen::RowVectorXd> row(&jacobian[i * n], n);
    const double variance = (row * covariance * row.transpose())(0, 0) + noiseStd * noiseStd;
    const double half = z * std::sqrt(std::max(variance, 0.0));
    band.lower[i] = band.predicted[i] - half;
    band.upper[i] = band.predicted[i] + half;
  }
  return band;
}

}  // namespace lrscope
