#include "law/annealing_areas.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "law/scalar.h"

namespace lrscope {

AnnealingAreas::AnnealingAreas(const LawSchedule& schedule, const std::vector<std::int64_t>& steps,
                               Warmup warmup)
    : steps_(steps), order_(steps.size()) {
  const PerStepLr& lr = *schedule.lr;
  const std::int64_t w = warmup == Warmup::Reference ? schedule.warmupSteps : 0;
  const double held = w > 0 ? lr[w - 1] : 0.0;
  auto seen = [&](std::int64_t n) { return n < w ? held : lr[n]; };
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::sort(order_.begin(), order_.end(), [&](auto a, auto b) { return steps_[a] < steps_[b]; });
  const std::int64_t last = steps.empty() ? 0 : steps_[order_.back()];
  for (std::int64_t n = std::max<std::int64_t>(w, 1); n <= last; ++n)
    if (seen(n - 1) != seen(n)) changes_.push_back({n, seen(n - 1) - seen(n)});
  forward_.resize(steps.size());
  dropSum_.resize(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::int64_t s = steps_[i];
    forward_[i] = s < w ? double(s + 1) * held : double(w) * held + lr.sum(w, s);
    dropSum_[i] = seen(0) - seen(s);  // the d_k telescope
  }
}

template <typename T>
void AnnealingAreas::annealingArea(const T& lambda, T* out) const {
  using std::exp;
  using std::log;
  // acc = sum_{k <= pos} d_k lambda^(pos - k), carried from change to change.
  const T logLambda = log(lambda);
  auto decay = [&](std::int64_t gap) {
    return gap == 0 ? T(1.0) : gap == 1 ? lambda : exp(double(gap) * logLambda);
  };
  T acc(0.0);
  std::int64_t pos = 0;
  std::size_t next = 0;
  for (std::size_t idx : order_) {
    const std::int64_t s = steps_[idx];
    for (; next < changes_.size() && changes_[next].n <= s; ++next) {
      acc = acc * decay(changes_[next].n - pos) + changes_[next].drop;
      pos = changes_[next].n;
    }
    const T tail = acc * decay(s - pos) * lambda;  // sum_{k<=s} d_k lambda^(s-k+1)
    out[idx] = (dropSum_[idx] - tail) / (1.0 - lambda);
  }
}

template void AnnealingAreas::annealingArea<double>(const double&, double*) const;
template void AnnealingAreas::annealingArea<ceres::Jet<double, 5>>(const ceres::Jet<double, 5>&,
                                                                   ceres::Jet<double, 5>*) const;
template void AnnealingAreas::annealingArea<ceres::Jet<double, 8>>(const ceres::Jet<double, 8>&,
                                                                   ceres::Jet<double, 8>*) const;

}  // namespace lrscope
