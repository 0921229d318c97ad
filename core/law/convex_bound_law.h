#pragma once
// Convex-optimisation bound as a loss law (Schaipp et al. 2025, docs §4): loss(s) = C + M Omega,
// with the last-iterate bound of Defazio et al. (their Thm 1) for the updates lr[0..s'] (s' the
// last step <= s with lr > 0: zero-LR updates leave the iterate unchanged), base LR folded into lr:
//   Omega = D^2 / (2 sum eta) + sum eta^2 G^2 / (2 sum eta)
//         + 1/2 sum_{k<t} [eta_k / sum_{j>k} eta_j] [sum_{j>=k} eta_j^2 G_j^2 / sum_{j>=k} eta_j]
// and their gradient-norm model G_t = G1 e^(A1 t) + G2 t^A2 + B (t = update count, 1-based).
// Tail sums are accumulated backwards from the horizon (docs §4.5: never total - prefix).
// M is exactly redundant with (D, G) (M Omega(D, G) = Omega(sqrt(M) D, sqrt(M) G)), so it is held
// at 1 unless fitted explicitly. Cost O(s) per requested step.
#include "law/autodiff_law.h"

namespace lrscope {

struct BoundRun : PreparedRun {
  std::vector<std::int64_t> horizon;  // s' per requested step (-1: no positive LR yet)
  std::int64_t last = -1;             // largest horizon
};

class ConvexBoundLaw final : public AutoDiffLaw<ConvexBoundLaw, BoundRun, 8> {
 public:
  QString name() const override { return QStringLiteral("convex-bound"); }
  QString title() const override;
  QString formula() const override;
  const std::vector<LawParameter>& parameters() const override;
  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override;

  template <typename T>
  void evaluate(const BoundRun& run, const T* params, T* loss) const;
};

}  // namespace lrscope
