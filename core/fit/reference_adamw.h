#pragma once
// The MPL reference code's main fit, for reproducing its published parameters
// (../shared/docs/laws-and-schedules.md §1.4): torch.optim.AdamW on the raw parameters from the
// reference's initial point (the best reduced fit with C, beta, gamma = 1, .5, .5; fit_setup.h),
// full batch, at most 200 steps:
//   p <- p (1 - lr wd);  m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;
//   p <- p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
// with lr = 5e-2 for L0, A, B, C and 5e-3 for alpha, beta, gamma, wd = 0.01, b1 = .9,
// b2 = .999, eps = 1e-8 (PyTorch's defaults), g the gradient of the objective. It stops after
// 20 steps without a lower objective (once past step 20) or when |g| < 1e-5, and returns the
// parameters one step after the lowest objective seen, as the reference does.
// This is not a minimiser: 200 steps of at most lr each leave B within ~10 of its start, so the
// result keeps most of the reduced fit (docs/laws-and-fitting.md §6). Held parameters stay put.
#include "fit/law_solver.h"

namespace lrscope {

// `problem` must be an MPL problem (its parameter names pick the learning rates).
SolveOutcome referenceAdamW(const LawProblem& problem, std::vector<double> start,
                            const CancelToken* cancel = nullptr,
                            const IterationReport& report = {});

}  // namespace lrscope
