#include "law/momentum_law.h"

namespace lrscope {

QString MomentumLaw::title() const {
  return QStringLiteral("Momentum law (Tissue et al. 2024)");
}

QString MomentumLaw::formula() const {
  return QStringLiteral(
      "L = L0 + A S1^-alpha - C S2,  S2 = sum_i m_i,  m_i = lambda m_{i-1} + (eta_{i-1} - eta_i)");
}

QString MomentumLaw::convention() const {
  return warmup_ == AnnealingAreas::Warmup::Reference ? QStringLiteral("reference")
                                                      : QStringLiteral("actual");
}

QJsonObject MomentumLaw::options() const {
  return {{QStringLiteral("convention"), convention()}};
}

const std::vector<LawParameter>& MomentumLaw::parameters() const {
  // Defaults: the official snippet's fit on its example data (docs §2.2), lambda 0.999.
  static const std::vector<LawParameter> params = {
      {QStringLiteral("L0"), 2.6278, 0.0, 1e3, QStringLiteral("irreducible loss")},
      {QStringLiteral("A"), 0.4297, 0.0, 1e3,
       QStringLiteral("scale of the forward-area power law")},
      {QStringLiteral("alpha"), 0.5498, 0.0, 10.0, QStringLiteral("forward-area exponent")},
      {QStringLiteral("C"), 0.4108, 0.0, 1e12, QStringLiteral("loss drop per unit annealing area")},
      {QStringLiteral("lambda"), 0.999, 1e-3, 0.999999,
       QStringLiteral("momentum decay factor per step"), false}};
  return params;
}

std::unique_ptr<PreparedRun> MomentumLaw::prepare(const LawSchedule& schedule,
                                                  std::vector<std::int64_t> steps) const {
  return std::make_unique<MomentumRun>(schedule, std::move(steps), warmup_);
}

template <typename T>
void MomentumLaw::evaluate(const MomentumRun& run, const T* p, T* loss) const {
  using std::exp;
  run.areas.annealingArea(p[4], loss);
  const auto& s1 = run.areas.forwardArea();
  for (std::size_t i = 0; i < run.steps.size(); ++i)
    loss[i] = p[0] + p[1] * exp(-p[2] * std::log(s1[i])) - p[3] * loss[i];
}

template void MomentumLaw::evaluate<double>(const MomentumRun&, const double*, double*) const;
template void MomentumLaw::evaluate<ceres::Jet<double, 5>>(const MomentumRun&,
                                                           const ceres::Jet<double, 5>*,
                                                           ceres::Jet<double, 5>*) const;

}  // namespace lrscope
