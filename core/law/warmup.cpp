#include "law/warmup.h"

#include <algorithm>

namespace lrscope {

std::int64_t detectWarmupSteps(const std::vector<double>& lr) {
  if (lr.empty()) return 0;
  const double peak = *std::max_element(lr.begin(), lr.end());
  std::int64_t m = 0;
  while (lr[m] < peak * (1 - 1e-9)) ++m;
  return m > 0 && lr[0] < lr[m] ? m + 1 : 0;
}

void fillLinearWarmup(std::vector<double>& lr, std::int64_t warmupSteps, std::int64_t firstLogged) {
  const auto size = static_cast<std::int64_t>(lr.size());
  if (warmupSteps < 2 || warmupSteps >= size) return;
  const double peak = lr[warmupSteps];
  for (std::int64_t n = 0; n < std::min(warmupSteps, firstLogged); ++n)
    lr[n] = peak * double(n) / double(warmupSteps - 1);
}

}  // namespace lrscope
