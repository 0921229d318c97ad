#pragma once
// Power law in LR area (docs §6): MPL without its loss-drop term, exact for a constant LR,
//   L(s) = L0 + A area(s)^-alpha,  area(s) = lr[0] + ... + lr[s] = S1 + S_W.
#include "law/autodiff_law.h"

namespace lrscope {

struct AreaRun : PreparedRun {
  std::vector<double> logArea;  // log of the LR area (power-area) or of the update count
};
// Shared by the two power laws: L0, A, alpha; and the prepared log-abscissa.
std::vector<LawParameter> powerLawParameters(const QString& scaleMeaning);
std::unique_ptr<AreaRun> prepareAreaRun(const LawSchedule& schedule,
                                        std::vector<std::int64_t> steps, bool byArea);

class PowerLawArea final : public AutoDiffLaw<PowerLawArea, AreaRun, 3> {
 public:
  QString name() const override { return QStringLiteral("power-area"); }
  QString title() const override { return QStringLiteral("Power law in LR area"); }
  QString formula() const override { return QStringLiteral("L = L0 + A (S1 + S_W)^-alpha"); }
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
