#pragma once
// Noise-free MPL runs from known parameters, for fitter tests: each a 200-step linear warmup to
// 3e-4, then a constant, cosine (to 0.1 of the peak) or two-stage (0.3 of the peak from half way)
// schedule; the loss every 50 steps from step 250.
#include <cmath>
#include <numbers>

#include "fit/fitter.h"
#include "law/law_registry.h"

namespace lrscope::test {

enum class SyntheticShape { Constant, Cosine, TwoStage };

inline FitRun syntheticMplRun(SyntheticShape shape, FitRole role, int steps,
                              const std::vector<double>& truth) {
  std::vector<double> lr(static_cast<std::size_t>(steps));
  for (int n = 0; n < steps; ++n) {
    const double p = (n - 200) / double(steps - 200);
    const double f = shape == SyntheticShape::Constant ? 1.0
                     : shape == SyntheticShape::Cosine
                         ? 0.1 + 0.45 * (1 + std::cos(std::numbers::pi * p))
                         : (p < 0.5 ? 1.0 : 0.3);
    lr[static_cast<std::size_t>(n)] = n < 200 ? 3e-4 * n / 199.0 : 3e-4 * f;
  }
  const char* names[] = {"constant", "cosine", "two-stage"};
  FitRun run{QString::fromLatin1(names[static_cast<int>(shape)]),
             role,
             {std::make_shared<PerStepLr>(lr), 200},
             {},
             {},
             {}};
  for (int s = 250; s < steps; s += 50) run.steps.push_back(s);
  run.loss =
      (*createLossLaw(QStringLiteral("mpl")))->predictAt(run.schedule, run.steps, truth).value();
  return run;
}

}  // namespace lrscope::test
