#pragma once
// Multi-Power Law (Luo et al., ICLR 2025; docs/laws-and-schedules.md §1). At step s:
//   L(s) = L0 + A * area(s)^-alpha - B * sum_{n=first}^{s} (lr[n-1] - lr[n]) G(lr[n]^-gamma S_n(s))
//   area(s) = lr[0] + ... + lr[s]  (= S1(t) + S_W),  S_n(s) = lr[n] + ... + lr[s],
//   G(x) = 1 - (C x + 1)^-beta.
// Conventions (§1.2): "paper" (default) sums the loss drop over post-warmup steps only,
// first = max(W, 1), so eta_0 = lr[W-1], the LR at the end of the warmup; "reference" (the
// official fitting code, needed to reproduce the published parameters) sums over every step,
// first = 1, so the warmup increments enter with the opposite sign.
// The loss-drop sum is evaluated by LossDropSum (tree code, error <= tolerance * sum |lr drops|);
// predictExact() is the direct O(steps x sources) sum.
#include <ceres/jet.h>

#include "law/loss_drop_sum.h"
#include "law/loss_law.h"

namespace lrscope {

class MultiPowerLaw final : public LossLaw {
 public:
  enum class Convention { Paper, Reference };

  explicit MultiPowerLaw(Convention convention = Convention::Paper,
                         LossDropSum::Options evaluation = {});

  QString name() const override { return QStringLiteral("mpl"); }
  QString title() const override;
  QString formula() const override;
  QString convention() const override;
  QJsonObject options() const override;
  const std::vector<LawParameter>& parameters() const override;

  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override;
  void predict(const PreparedRun& run, const double* params, double* loss) const override;
  void predictWithJacobian(const PreparedRun& run, const double* params, double* loss,
                           double* jacobian) const override;
  void predictExact(const PreparedRun& run, const double* params, double* loss) const;

  // The law for any scalar type (double or ceres::Jet<double, 7>), params in parameters() order.
  template <typename T>
  void evaluate(const PreparedRun& run, const T* params, T* loss) const;

 private:
  Convention convention_;
  LossDropSum::Options evaluation_;
};

}  // namespace lrscope
