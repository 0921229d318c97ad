#pragma once
// Where a schedule's warmup ends, and the warmup of logs that start after it.
//   detectWarmupSteps: W = m + 1 where m is the first step at the schedule's largest LR (within
//   1e-9 of it), when the LR rises from step 0 to m; 0 when the schedule starts at its peak. So
//   lr[W-1] is the LR at the end of the warmup (the MPL's eta_0).
//   fillLinearWarmup: logs such as the MPL data hold only post-warmup rows; the LR of steps before
//   `firstLogged` (< W) is then unknown. It is filled with the linear ramp lr[n] = lr[W] n / (W-1)
//   (numpy linspace(0, peak, W), the MPL data's warmup) for n < min(W, firstLogged).
#include <cstdint>
#include <vector>

namespace lrscope {

std::int64_t detectWarmupSteps(const std::vector<double>& lr);
void fillLinearWarmup(std::vector<double>& lr, std::int64_t warmupSteps, std::int64_t firstLogged);

}  // namespace lrscope
