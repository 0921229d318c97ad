#include "fit/reference_adamw.h"

#include <cmath>
#include <limits>

namespace lrscope {

SolveOutcome referenceAdamW(const LawProblem& problem, std::vector<double> start,
                            const CancelToken* cancel, const IterationReport& report) {
  constexpr int kMaxSteps = 200, kPatience = 20;
  constexpr double kDecay = 0.01, kBeta1 = 0.9, kBeta2 = 0.999, kEps = 1e-8;
  const std::size_t n = start.size();
  std::vector<double> rate(n);
  for (std::size_t j = 0; j < n; ++j) {
    const QString& name = problem.law->parameters()[j].name;
    const bool exponent = name == QLatin1String("alpha") || name == QLatin1String("beta") ||
                          name == QLatin1String("gamma");
    rate[j] = problem.fixed[j] ? 0.0 : exponent ? 5e-3 : 5e-2;
  }
  SolveOutcome out;
  out.params = start;
  out.objective = std::numeric_limits<double>::infinity();
  std::vector<double> p = start, m(n, 0.0), v(n, 0.0), g;
  int sinceBest = 0, bestStep = 0;
  for (int t = 1; t <= kMaxSteps; ++t) {
    if (cancel && cancel->isCancelled()) {
      out.cancelled = true;
      break;
    }
    const double f = problem.objective(p, g);
    if (!std::isfinite(f)) {
      out.message = QStringLiteral("the objective is not finite at AdamW step %1").arg(t);
      out.failed = !std::isfinite(out.objective);
      break;
    }
    double norm = 0.0;
    for (std::size_t j = 0; j < n; ++j) norm += rate[j] > 0 ? g[j] * g[j] : 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (rate[j] == 0.0) continue;
      p[j] *= 1.0 - rate[j] * kDecay;
      m[j] = kBeta1 * m[j] + (1.0 - kBeta1) * g[j];
      v[j] = kBeta2 * v[j] + (1.0 - kBeta2) * g[j] * g[j];
      const double mHat = m[j] / (1.0 - std::pow(kBeta1, t));
      const double vHat = v[j] / (1.0 - std::pow(kBeta2, t));
      p[j] -= rate[j] * mHat / (std::sqrt(vHat) + kEps);
    }
    out.iterations = t;
    if (report) report(t, f, p);
    if (f < out.objective) {
      out.objective = f;
      out.params = p;  // the parameters after this step, as the reference keeps them
      bestStep = t;
      sinceBest = 0;
    } else if (++sinceBest >= kPatience && t > kPatience) {
      break;
    }
    if (std::sqrt(norm) < 1e-5) break;
  }
  out.converged = !out.cancelled && !out.failed;
  if (out.message.isEmpty())
    out.message = QStringLiteral("reference procedure: %1 AdamW steps, lowest objective at step %2")
                      .arg(out.iterations)
                      .arg(bestStep);
  out.objective = problem.objective(out.params) + problem.penalty(out.params);
  return out;
}

}  // namespace lrscope
