#pragma once
// Uncertainty of a predicted curve from a fit's parameter covariance:
//   var_i = J_i Cov J_i^T (+ noise^2 for a prediction interval of single observations),
//   band = predicted +- z sqrt(var_i),   J_i = d loss(step_i) / d parameters (the law's Jacobian).
// With noiseStd = 0 the band is the confidence band of the law's curve itself.
#include <Eigen/Core>
#include <vector>

#include "common/result.h"
#include "law/loss_law.h"

namespace lrscope {

struct PredictionBand {
  std::vector<double> predicted, lower, upper;
};

// An empty covariance gives lower = upper = predicted (no uncertainty known).
Result<PredictionBand> predictionBand(const LossLaw& law, const std::vector<double>& params,
                                      const Eigen::MatrixXd& covariance,
                                      const LawSchedule& schedule,
                                      const std::vector<std::int64_t>& steps, double z = 1.96,
                                      double noiseStd = 0.0);

}  // namespace lrscope
