#pragma once
// Law-specific fit set-up from the training data: physically sensible bounds and starting points.
//  Bounds (on top of the law's domain): L0 <= max observed loss; power-law exponents >= 0.01;
//  MPL: B eta_max <= max loss (the annealing gain cannot exceed the loss itself), beta >= 0.05,
//  1e-6 <= C <= 1e6, gamma <= 2 (together these stop B -> huge with C or beta -> 0, where only
//  the product B beta C is determined); convex bound: C <= min observed loss (as their fitter).
//  Starts: the reference procedure (docs §1.4) generalised: a power-law regression of
//  log(L - min L + 0.01) on log(LR area) seeds A and alpha; a grid around it (L0: 5 values,
//  A and alpha: 3 each) is combined with law-specific scales derived from the data. For MPL the
//  135 grid points are first fitted with the reduced model L0 + A area^-alpha - B (eta_0 - eta)
//  (eta_0 the run's LR at the end of its warmup, B grid scaled to the data's LR), and the best
//  distinct reduced fits, each with (C, beta, gamma) in {(1, .5, .5), (2, .6, .6)}, start the
//  full fit. The best reduced fit with (1, .5, .5) -- the reference's own initial point -- is also
//  the centre of MPL's mild prior (fitter.h), which by default acts on B, C, beta, gamma.
#include <vector>

#include "fit/law_solver.h"
#include "fit/observations.h"

namespace lrscope {

struct TrainingRun {
  LawSchedule schedule;
  Observations observations;  // after binning
};

void tightenBounds(const LossLaw& law, const std::vector<TrainingRun>& runs,
                   std::vector<double>& lower, std::vector<double>& upper);

struct StartPlan {
  std::vector<std::vector<double>> starts;  // full parameter vectors in law order
  std::vector<double> priorCentre;          // empty: the law has no data-seeded prior centre
  // Parameters the prior's strength applies to unless set by name: MPL's loss-drop parameters
  // B, C, beta, gamma, where the degenerate direction lies (L0, A, alpha are pinned by the
  // power-law part; cross-validated in docs/laws-and-fitting.md §6.2).
  std::vector<bool> priorByDefault;
};

// Fixed parameters keep their `base` values in every start.
StartPlan startPoints(const LawProblem& problem, const std::vector<TrainingRun>& runs,
                      const std::vector<double>& base, const CancelToken* cancel);

}  // namespace lrscope
