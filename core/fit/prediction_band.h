#pragma once
// Uncertainty of a predicted curve from a fit's parameter covariance:
//   var_i = J_i Cov J_i^T + (s p_i)^2,   band = p_i +- z sqrt(var_i),
// p_i the prediction at step_i and J_i = d p_i / d parameters (the law's Jacobian). With s = 0 it
// is the confidence band of the law's curve; with s = a fit's residual scale (the sd of its log
// residuals, FitResult::residualScale) the prediction interval of a single observed loss.
#include <Eigen/Core>
#include <vector>

#include "common/result.h"
#include "law/loss_law.h"

namespace lrscope {

struct PredictionBand {
  std::vector<double> predicted, lower, upper;
};

// An empty covariance leaves only the s term (lower = upper = predicted when s = 0 too).
Result<PredictionBand> predictionBand(const LossLaw& law, const std::vector<double>& params,
                                      const Eigen::MatrixXd& covariance,
                                      const LawSchedule& schedule,
                                      const std::vector<std::int64_t>& steps, double z = 1.96,
                                      double relativeScatter = 0.0);

}  // namespace lrscope
