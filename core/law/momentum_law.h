#pragma once
// Momentum law / scaling law with LR annealing (Tissue, Wang, Wang 2024; docs §2):
//   L(s) = L0 + A S1(s)^-alpha - C S2(s)
// with the forward area S1 and the momentum annealing area S2 of AnnealingAreas. lambda (decay
// factor, 0.999 in the official snippet) is held fixed by default and can be fitted. Warmup:
// "reference" (default, every warmup step counts as the LR at the end of the warmup) or "actual".
#include "law/annealing_areas.h"
#include "law/autodiff_law.h"

namespace lrscope {

struct MomentumRun : PreparedRun {
  MomentumRun(const LawSchedule& s, std::vector<std::int64_t> st, AnnealingAreas::Warmup warmup)
      : areas(s, st, warmup) {
    schedule = s;
    steps = std::move(st);
  }
  AnnealingAreas areas;
};

class MomentumLaw final : public AutoDiffLaw<MomentumLaw, MomentumRun, 5> {
 public:
  explicit MomentumLaw(AnnealingAreas::Warmup warmup = AnnealingAreas::Warmup::Reference)
      : warmup_(warmup) {}

  QString name() const override { return QStringLiteral("momentum"); }
  QString title() const override;
  QString formula() const override;
  QString convention() const override;
  QJsonObject options() const override;
  const std::vector<LawParameter>& parameters() const override;
  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override;

  template <typename T>
  void evaluate(const MomentumRun& run, const T* params, T* loss) const;

 private:
  AnnealingAreas::Warmup warmup_;
};

}  // namespace lrscope
