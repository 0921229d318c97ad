#include "law/multi_power_law.h"

#include <cmath>

namespace lrscope {

namespace {

struct MplRun : PreparedRun {
  MplRun(const LawSchedule& s, std::vector<std::int64_t> st, std::int64_t first,
         LossDropSum::Options options)
      : drops(s.lr, first, st, options) {
    schedule = s;
    steps = std::move(st);
    for (std::int64_t step : steps) area.push_back(s.lr->prefix(step + 1));
  }
  std::vector<double> area;  // S1 + S_W = lr[0] + ... + lr[s]
  LossDropSum drops;
};

enum { kL0, kA, kAlpha, kB, kC, kBeta, kGamma };

}  // namespace

MultiPowerLaw::MultiPowerLaw(Convention convention, LossDropSum::Options evaluation)
    : convention_(convention), evaluation_(evaluation) {}

QString MultiPowerLaw::title() const {
  return QStringLiteral("Multi-Power Law (Luo et al. 2025)");
}

QString MultiPowerLaw::formula() const {
  return convention_ == Convention::Paper
             ? QStringLiteral(
                   "L = L0 + A (S1 + S_W)^-alpha - B sum_{k=1..t} (eta_{k-1} - eta_k) "
                   "[1 - (C eta_k^-gamma S_k(t) + 1)^-beta], post-warmup k only")
             : QStringLiteral(
                   "L = L0 + A (S1 + S_W)^-alpha - B sum_{k=1..t} (eta_{k-1} - eta_k) "
                   "[1 - (C eta_k^-gamma S_k(t) + 1)^-beta], k over every step "
                   "incl. warmup (reference code)");
}

QString MultiPowerLaw::convention() const {
  return convention_ == Convention::Paper ? QStringLiteral("paper") : QStringLiteral("reference");
}

QJsonObject MultiPowerLaw::options() const {
  return {{QStringLiteral("convention"), convention()}};
}

const std::vector<LawParameter>& MultiPowerLaw::parameters() const {
  // Defaults: the published 100M fit (docs §1.6). Domain: every parameter >= 0, C > 0.
  static const std::vector<LawParameter> params = {
      {QStringLiteral("L0"), 2.6514477, 0.0, 1e3, QStringLiteral("irreducible loss")},
      {QStringLiteral("A"), 0.60115152, 0.0, 1e3, QStringLiteral("scale of the LR-area power law")},
      {QStringLiteral("alpha"), 0.45295811, 0.0, 10.0,
       QStringLiteral("exponent of the LR-area power law")},
      {QStringLiteral("B"), 437.9464276, 0.0, 1e12,
       QStringLiteral("loss drop per unit LR decrease (1/LR units)")},
      {QStringLiteral("C"), 2.13245612, 1e-8, 1e8, QStringLiteral("rate at which a drop matures")},
      {QStringLiteral("beta"), 0.59785199, 0.0, 10.0,
       QStringLiteral("exponent of the drop maturation")},
      {QStringLiteral("gamma"), 0.65523644, 0.0, 5.0,
       QStringLiteral("LR exponent: drops mature faster at small LR")}};
  return params;
}

std::unique_ptr<PreparedRun> MultiPowerLaw::prepare(const LawSchedule& schedule,
                                                    std::vector<std::int64_t> steps) const {
  const std::int64_t first =
      convention_ == Convention::Paper ? std::max<std::int64_t>(schedule.warmupSteps, 1) : 1;
  return std::make_unique<MplRun>(schedule, std::move(steps), first, evaluation_);
}

template <typename T>
void MultiPowerLaw::evaluate(const PreparedRun& prepared, const T* p, T* loss) const {
  using std::exp;
  using std::log;
  const auto& run = static_cast<const MplRun&>(prepared);
  run.drops.evaluate(p[kC], p[kBeta], p[kGamma], loss);
  for (std::size_t i = 0; i < run.steps.size(); ++i)
    loss[i] = p[kL0] + p[kA] * exp(-p[kAlpha] * std::log(run.area[i])) - p[kB] * loss[i];
}

void MultiPowerLaw::predict(const PreparedRun& run, const double* params, double* loss) const {
  evaluate<double>(run, params, loss);
}

void MultiPowerLaw::predictExact(const PreparedRun& prepared, const double* p, double* loss) const {
  const auto& run = static_cast<const MplRun&>(prepared);
  run.drops.evaluateExact(p[kC], p[kBeta], p[kGamma], loss);
  for (std::size_t i = 0; i < run.steps.size(); ++i)
    loss[i] = p[kL0] + p[kA] * std::pow(run.area[i], -p[kAlpha]) - p[kB] * loss[i];
}

void MultiPowerLaw::predictWithJacobian(const PreparedRun& prepared, const double* p, double* loss,
                                        double* jacobian) const {
  // The loss-drop sum is differentiated by Jets over (C, beta, gamma) only; the rest analytically.
  using Jet = ceres::Jet<double, 3>;
  const auto& run = static_cast<const MplRun&>(prepared);
  std::vector<Jet> drop(run.steps.size());
  run.drops.evaluate(Jet(p[kC], 0), Jet(p[kBeta], 1), Jet(p[kGamma], 2), drop.data());
  for (std::size_t i = 0; i < run.steps.size(); ++i) {
    const double logArea = std::log(run.area[i]);
    const double power = std::exp(-p[kAlpha] * logArea);
    loss[i] = p[kL0] + p[kA] * power - p[kB] * drop[i].a;
    double* row = jacobian + i * 7;
    row[kL0] = 1.0;
    row[kA] = power;
    row[kAlpha] = -p[kA] * power * logArea;
    row[kB] = -drop[i].a;
    for (int j = 0; j < 3; ++j) row[kC + j] = -p[kB] * drop[i].v[j];
  }
}

template void MultiPowerLaw::evaluate<double>(const PreparedRun&, const double*, double*) const;
template void MultiPowerLaw::evaluate<ceres::Jet<double, 7>>(const PreparedRun&,
                                                             const ceres::Jet<double, 7>*,
                                                             ceres::Jet<double, 7>*) const;

}  // namespace lrscope
