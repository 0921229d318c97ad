#include "law/cpt_law.h"

#include <cmath>

namespace lrscope {

namespace {
enum { kL0, kA, kAlpha, kC, kLambda, kB, kE, kBeta };
}  // namespace

CptRun::CptRun(const LawSchedule& s, std::vector<std::int64_t> st, AnnealingAreas::Warmup warmup,
               std::int64_t cptStart)
    : areas(s, st, warmup) {
  schedule = s;
  for (std::int64_t step : st) cptArea.push_back(step < cptStart ? 0.0 : s.lr->sum(cptStart, step));
  steps = std::move(st);
}

QString CptLaw::title() const {
  return QStringLiteral("Continual pre-training law (Wang et al. 2025) [experimental]");
}

QString CptLaw::formula() const {
  return shift_ == Shift::Power ? QStringLiteral(
                                      "L = L0 + A S1^-alpha - C S2 + B [1 - (1 + E S1cpt)^-beta]  "
                                      "(UNVERIFIED)")
                                : QStringLiteral(
                                      "L = L0 + A S1^-alpha - C S2 + B [1 - exp(-(E S1cpt)^beta)]  "
                                      "(UNVERIFIED)");
}

QString CptLaw::convention() const {
  return warmup_ == AnnealingAreas::Warmup::Reference ? QStringLiteral("reference")
                                                      : QStringLiteral("actual");
}

QJsonObject CptLaw::options() const {
  return {
      {QStringLiteral("convention"), convention()},
      {QStringLiteral("cpt_start"), double(cptStart_)},
      {QStringLiteral("shift"),
       shift_ == Shift::Power ? QStringLiteral("power") : QStringLiteral("stretched-exponential")}};
}

const std::vector<LawParameter>& CptLaw::parameters() const {
  static const std::vector<LawParameter> params = {
      {QStringLiteral("L0"), 2.5, 0.0, 1e3, QStringLiteral("irreducible loss")},
      {QStringLiteral("A"), 0.5, 0.0, 1e3, QStringLiteral("scale of the forward-area power law")},
      {QStringLiteral("alpha"), 0.5, 0.0, 10.0, QStringLiteral("forward-area exponent")},
      {QStringLiteral("C"), 0.4, 0.0, 1e12, QStringLiteral("loss drop per unit annealing area")},
      {QStringLiteral("lambda"), 0.999, 1e-3, 0.999999,
       QStringLiteral("momentum decay factor per step"), false},
      {QStringLiteral("B"), 0.1, -1e3, 1e3,
       QStringLiteral("size of the distribution-shift term (sign: forgetting > 0)")},
      {QStringLiteral("E"), 1.0, 1e-12, 1e12, QStringLiteral("rate of the shift in CPT LR area")},
      {QStringLiteral("beta"), 0.5, 1e-3, 10.0, QStringLiteral("exponent of the shift")}};
  return params;
}

std::unique_ptr<PreparedRun> CptLaw::prepare(const LawSchedule& schedule,
                                             std::vector<std::int64_t> steps) const {
  return std::make_unique<CptRun>(schedule, std::move(steps), warmup_, cptStart_);
}

template <typename T>
void CptLaw::evaluate(const CptRun& run, const T* p, T* loss) const {
  using std::exp;
  using std::expm1;
  using std::log;
  using std::log1p;
  run.areas.annealingArea(p[kLambda], loss);
  const auto& s1 = run.areas.forwardArea();
  for (std::size_t i = 0; i < run.steps.size(); ++i) {
    T shift(0.0);
    if (run.cptArea[i] > 0.0) {
      const T x = p[kE] * run.cptArea[i];
      shift = shift_ == Shift::Power ? -p[kB] * expm1(-p[kBeta] * log1p(x))
                                     : -p[kB] * expm1(-exp(p[kBeta] * log(x)));
    }
    loss[i] = p[kL0] + p[kA] * exp(-p[kAlpha] * std::log(s1[i])) - p[kC] * loss[i] + shift;
  }
}

template void CptLaw::evaluate<double>(const CptRun&, const double*, double*) const;
template void CptLaw::evaluate<ceres::Jet<double, 8>>(const CptRun&, const ceres::Jet<double, 8>*,
                                                      ceres::Jet<double, 8>*) const;

}  // namespace lrscope
