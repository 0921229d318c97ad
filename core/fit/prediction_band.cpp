#include "fit/prediction_band.h"

#include <cmath>

namespace lrscope {

Result<PredictionBand> predictionBand(const LossLaw& law, const std::vector<double>& params,
                                      const Eigen::MatrixXd& covariance,
                                      const LawSchedule& schedule,
                                      const std::vector<std::int64_t>& steps, double z,
                                      double relativeScatter) {
  if (auto ok = law.checkInputs(schedule, steps, params.size()); !ok) return Error{ok.error()};
  const int n = law.parameterCount();
  const auto run = law.prepare(schedule, steps);
  PredictionBand band;
  band.predicted.resize(steps.size());
  std::vector<double> variance(steps.size(), 0.0);
  if (covariance.rows() != n || covariance.cols() != n) {
    law.predict(*run, params.data(), band.predicted.data());
  } else {  // the prediction and its Jacobian in one pass
    std::vector<double> jacobian(steps.size() * n);
    law.predictWithJacobian(*run, params.data(), band.predicted.data(), jacobian.data());
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
