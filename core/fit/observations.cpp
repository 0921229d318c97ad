#include "fit/observations.h"

#include <algorithm>
#include <cmath>

namespace lrscope {

namespace {

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

}  // namespace

Observations binObservations(const std::vector<std::int64_t>& steps,
                             const std::vector<double>& loss, std::size_t maxPoints) {
  const std::size_t n = steps.size();
  if (maxPoints == 0 || n <= maxPoints) return {steps, loss};
  Observations out;
  for (std::size_t b = 0; b < maxPoints; ++b) {
    const std::size_t lo = b * n / maxPoints, hi = (b + 1) * n / maxPoints;
    double step = 0.0, value = 0.0;
    for (std::size_t i = lo; i < hi; ++i) {
      step += static_cast<double>(steps[i]);
      value += loss[i];
    }
    const double k = static_cast<double>(hi - lo);
    out.steps.push_back(static_cast<std::int64_t>(std::llround(step / k)));
    out.loss.push_back(value / k);
  }
  return out;
}

double estimateNoise(const std::vector<double>& loss) {
  if (loss.size() < 5) return 0.0;
  std::vector<double> d;
  for (std::size_t i = 1; i + 1 < loss.size(); ++i)
    d.push_back(loss[i + 1] - 2 * loss[i] + loss[i - 1]);
  const double centre = median(d);
  for (double& v : d) v = std::abs(v - centre);
  return 1.4826 * median(d) / std::sqrt(6.0);
}

}  // namespace lrscope
