#pragma once
// The forward and annealing areas of the momentum law (Tissue et al. 2024, docs §2.1), shared by
// the momentum and CPT laws. With lr' the schedule as the law sees it:
//   S1(s) = lr'[0] + ... + lr'[s]
//   S2(s) = sum_{i=1}^{s} m_i,  m_i = lambda m_{i-1} + (lr'[i-1] - lr'[i]),  m_0 = 0
//         = sum_{k<=s} d_k (1 - lambda^(s-k+1)) / (1 - lambda),  d_k = lr'[k-1] - lr'[k].
// Warmup "reference" (the official snippet, default): every warmup step counts as lr[W-1], the LR
// at the end of the warmup, so the warmup adds W lr[W-1] to S1 and nothing to S2. "actual": lr'
// is the logged schedule. S2 is evaluated exactly from the steps where lr' changes, sweeping the
// requested steps in order (O(changes + steps)).
#include <cstdint>
#include <vector>

#include "law/loss_law.h"

namespace lrscope {

class AnnealingAreas {
 public:
  enum class Warmup { Reference, Actual };

  AnnealingAreas(const LawSchedule& schedule, const std::vector<std::int64_t>& steps,
                 Warmup warmup);

  const std::vector<double>& forwardArea() const { return forward_; }  // S1 at each step

  // S2 at each requested step for decay factor lambda in (0, 1). T: double or ceres::Jet.
  template <typename T>
  void annealingArea(const T& lambda, T* out) const;

 private:
  struct Change {
    std::int64_t n;
    double drop;  // d_n
  };
  std::vector<std::int64_t> steps_;
  std::vector<std::size_t> order_;  // requested steps sorted ascending
  std::vector<Change> changes_;
  std::vector<double> forward_;
  std::vector<double> dropSum_;  // sum of d_k for k <= step
};

}  // namespace lrscope
