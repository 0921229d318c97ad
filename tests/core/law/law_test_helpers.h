#pragma once
// Shared by the law tests: schedules and a finite-difference check of predictWithJacobian.
#include <QtTest>
#include <cmath>

#include "law/loss_law.h"
#include "lrscope_test.h"

namespace lrscope::test {

inline LawSchedule lawSchedule(std::vector<double> lr, std::int64_t warmup = 0) {
  return {std::make_shared<PerStepLr>(std::move(lr)), warmup};
}

// Checks the law's Jacobian against central differences at `params` (relative step 1e-6).
inline bool jacobianMatchesDifferences(const LossLaw& law, const LawSchedule& schedule,
                                       const std::vector<std::int64_t>& steps,
                                       const std::vector<double>& params, double rel = 1e-5) {
  const auto run = law.prepare(schedule, steps);
  const int n = law.parameterCount();
  std::vector<double> loss(steps.size()), jac(steps.size() * n);
  law.predictWithJacobian(*run, params.data(), loss.data(), jac.data());
  for (int j = 0; j < n; ++j) {
    std::vector<double> up = params, down = params, lu(steps.size()), ld(steps.size());
    const double h = 1e-6 * std::max(std::abs(params[j]), 1e-3);
    up[j] += h;
    down[j] -= h;
    law.predict(*run, up.data(), lu.data());
    law.predict(*run, down.data(), ld.data());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const double numeric = (lu[i] - ld[i]) / (2 * h);
      if (!closeTo(numeric, jac[i * n + j], rel, 1e-8)) {
        qWarning("%s: d loss[%zu] / d %s = %.10g, differences give %.10g", qPrintable(law.name()),
                 i, qPrintable(law.parameters()[j].name), jac[i * n + j], numeric);
        return false;
      }
    }
  }
  return true;
}

}  // namespace lrscope::test
