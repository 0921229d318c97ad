#include "schedule/per_step_lr.h"

#include <cmath>

namespace lrscope {

namespace {

// Neumaier-compensated running sum written into out[0..size] in the given direction.
template <typename Index>
void compensatedRunningSum(const std::vector<double>& x, std::vector<double>& out, Index begin,
                           Index end, Index stride) {
  double sum = 0.0;
  double compensation = 0.0;
  out[static_cast<std::size_t>(begin)] = 0.0;
  for (Index i = begin; i != end; i += stride) {
    const double v = x[static_cast<std::size_t>(stride > 0 ? i : i - 1)];
    const double t = sum + v;
    compensation += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
    out[static_cast<std::size_t>(i + stride)] = sum + compensation;
  }
}

}  // namespace

PerStepLr::PerStepLr(std::vector<double> lr)
    : lr_(std::move(lr)), prefix_(lr_.size() + 1), suffix_(lr_.size() + 1) {
  const auto n = static_cast<std::int64_t>(lr_.size());
  compensatedRunningSum<std::int64_t>(lr_, prefix_, 0, n, 1);
  compensatedRunningSum<std::int64_t>(lr_, suffix_, n, 0, -1);
}

double PerStepLr::sum(std::int64_t first, std::int64_t last) const {
  if (last < first) return 0.0;
  // The smaller of the two differences loses fewer digits: use suffix sums for tails.
  const double fromPrefix = prefix(last + 1) - prefix(first);
  const double fromSuffix = suffix(first) - suffix(last + 1);
  return suffix(first) < prefix(last + 1) ? fromSuffix : fromPrefix;
}

}  // namespace lrscope
