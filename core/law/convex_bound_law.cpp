#include "law/convex_bound_law.h"

#include <cmath>
#include <limits>

namespace lrscope {

namespace {
enum { kD, kG1, kG2, kA1, kA2, kB, kC, kM };
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

QString ConvexBoundLaw::title() const {
  return QStringLiteral("Convex-optimisation bound (Schaipp et al. 2025)");
}

QString ConvexBoundLaw::formula() const {
  return QStringLiteral(
      "L = C + M Omega_t(D, G),  G_t = G1 e^(A1 t) + G2 t^A2 + B  "
      "(last-iterate bound, LR folded in)");
}

const std::vector<LawParameter>& ConvexBoundLaw::parameters() const {
  // Bounds as in their RateFitter: D, G1, G2, B, C >= 0, A1 <= 0 (C <= min loss is set by the fit).
  static const std::vector<LawParameter> params = {
      {QStringLiteral("D"), 1.0, 0.0, kInf, QStringLiteral("distance to the optimum |x1 - x*|")},
      {QStringLiteral("G1"), 0.0, 0.0, kInf, QStringLiteral("gradient norm: exponential part")},
      {QStringLiteral("G2"), 0.0, 0.0, kInf, QStringLiteral("gradient norm: power part")},
      {QStringLiteral("A1"), 0.0, -kInf, 0.0, QStringLiteral("rate of the exponential part")},
      {QStringLiteral("A2"), 0.0, -10.0, 10.0, QStringLiteral("exponent of the power part")},
      {QStringLiteral("B"), 1.0, 0.0, kInf, QStringLiteral("gradient norm: constant part")},
      {QStringLiteral("C"), 2.0, 0.0, kInf, QStringLiteral("loss offset")},
      {QStringLiteral("M"), 1.0, 0.0, kInf,
       QStringLiteral("bound scale (redundant with D and G; held at 1)"), false}};
  return params;
}

std::unique_ptr<PreparedRun> ConvexBoundLaw::prepare(const LawSchedule& schedule,
                                                     std::vector<std::int64_t> steps) const {
  auto run = std::make_unique<BoundRun>();
  run->schedule = schedule;
  const PerStepLr& lr = *schedule.lr;
  for (std::int64_t s : steps) {
    std::int64_t h = s;
    while (h >= 0 && lr[h] <= 0.0) --h;
    run->horizon.push_back(h);
    run->last = std::max(run->last, h);
  }
  run->steps = std::move(steps);
  return run;
}

template <typename T>
void ConvexBoundLaw::evaluate(const BoundRun& run, const T* p, T* loss) const {
  using std::exp;
  using std::log;
  const PerStepLr& lr = *run.schedule.lr;
  // eta_t^2 G_t^2 for every update up to the largest horizon.
  std::vector<T> weighted(static_cast<std::size_t>(run.last + 1));
  for (std::int64_t n = 0; n <= run.last; ++n) {
    const double t = double(n + 1);
    const T g = p[kG1] * exp(p[kA1] * t) + p[kG2] * exp(p[kA2] * std::log(t)) + p[kB];
    weighted[n] = (lr[n] * lr[n]) * (g * g);
  }
  for (std::size_t i = 0; i < run.steps.size(); ++i) {
    const std::int64_t h = run.horizon[i];
    if (h < 0) {  // no update has moved the iterate yet: the bound is infinite
      loss[i] = T(kInf);
      continue;
    }
    T squares(0.0), t3(0.0);
    double tail = 0.0;  // sum_{j>k} eta_j, accumulated backwards
    for (std::int64_t k = h; k >= 0; --k) {
      squares += weighted[k];
      const double inclusive = tail + lr[k];
      if (k < h) t3 += squares * (lr[k] / (tail * inclusive));
      tail = inclusive;
    }
    const T omega = (p[kD] * p[kD] + squares) / (2.0 * tail) + 0.5 * t3;
    loss[i] = p[kC] + p[kM] * omega;
  }
}

template void ConvexBoundLaw::evaluate<double>(const BoundRun&, const double*, double*) const;
template void ConvexBoundLaw::evaluate<ceres::Jet<double, 8>>(const BoundRun&,
                                                              const ceres::Jet<double, 8>*,
                                                              ceres::Jet<double, 8>*) const;

}  // namespace lrscope
