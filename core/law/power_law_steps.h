#pragma once
// Power law in steps (docs §6): L(s) = L0 + A t^-alpha with t = s + 1 updates done. It ignores the
// schedule, so it describes one run and cannot transfer across schedules (a baseline).
#include "law/power_law_area.h"

namespace lrscope {

class PowerLawSteps final : public AutoDiffLaw<PowerLawSteps, AreaRun, 3> {
 public:
  QString name() const override { return QStringLiteral("power-steps"); }
  QString title() const override { return QStringLiteral("Power law in steps"); }
  QString formula() const override { return QStringLiteral("L = L0 + A t^-alpha, t = updates"); }
  const std::vector<LawParameter>& parameters() const override;
  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override;

  template <typename T>
  void evaluate(const AreaRun& run, const T* p, T* loss) const {
    using std::exp;
    for (std::size_t i = 0; i < run.steps.size(); ++i)
      loss[i] = p[0] + p[1] * exp(-p[2] * run.logArea[i]);
  }
};

}  // namespace lrscope
