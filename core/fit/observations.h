#pragma once
// What the fitter does with a run's observed losses before fitting:
//  * bins: a noisy per-step log (e.g. 34,000 points) is reduced to at most `maxPoints` residuals
//    by averaging consecutive points in equal-count bins (step = rounded mean step of the bin).
//    Averaging k points divides the noise by sqrt(k); the bias from the curve's curvature within
//    a bin is second order in the bin width. Runs with at most maxPoints points are used as they
//    are (the MPL reference data: no binning).
//  * noise: the noise floor, a robust estimate of the per-point noise standard deviation from
//    second differences (a smooth curve has second differences ~0, white noise of sd s gives
//    differences of sd s sqrt(6)): 1.4826 * median |d - median d| / sqrt(6). A law whose RMSE on
//    the raw points is close to this cannot be improved by any law; a much larger RMSE is misfit.
#include <cstdint>
#include <vector>

namespace lrscope {

struct Observations {
  std::vector<std::int64_t> steps;
  std::vector<double> loss;
};

// Points must be sorted by step.
Observations binObservations(const std::vector<std::int64_t>& steps,
                             const std::vector<double>& loss, std::size_t maxPoints);
// 0 with fewer than 5 points.
double estimateNoise(const std::vector<double>& loss);

}  // namespace lrscope
