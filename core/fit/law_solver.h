#pragma once
// One local fit of a law with Ceres (Levenberg-Marquardt, bounds, one residual block per observed
// point so the robust loss acts point by point, one parameter block holding every law parameter
// with a SubsetManifold for held ones). Used by fitLaw() for every start and for the MPL
// seeding stage. A LawProblem holds the prepared training runs; solve() builds its own
// ceres::Problem on the calling thread, so one LawProblem may be solved from several threads.
#include <Eigen/Core>
#include <functional>
#include <memory>
#include <vector>

#include "common/progress.h"
#include "law/loss_law.h"

namespace lrscope {

struct LawProblem {
  const LossLaw* law = nullptr;
  struct Run {
    std::unique_ptr<PreparedRun> prepared;
    std::vector<double> logLoss;  // log of the observed (binned) loss at prepared->steps
  };
  std::vector<Run> runs;
  bool huber = true;
  double huberDelta = 1e-3;
  std::vector<double> lower, upper;  // per parameter
  std::vector<bool> fixed;           // per parameter
  // Optional Gaussian prior in log space: adds 1/2 w_j (log p_j - log centre_j)^2 for each free
  // parameter with a positive centre and weight w_j = priorWeight[j] > 0 (empty: no prior).
  std::vector<double> priorCentre;
  std::vector<double> priorWeight;

  std::size_t residualCount() const;
  // Data objective at `params` (Huber or half sum of squares); +inf when a prediction is not
  // finite. penalty() is the prior term; the solver minimises their sum.
  double objective(const std::vector<double>& params) const;
  // The same objective with its gradient (every parameter, held ones included); +inf when a
  // prediction or derivative is not finite.
  double objective(const std::vector<double>& params, std::vector<double>& gradient) const;
  double penalty(const std::vector<double>& params) const;
  bool hasPrior(std::size_t parameter) const;
};

struct SolveOutcome {
  std::vector<double> params;  // best parameters reached
  double objective = 0.0;      // data objective + prior penalty at params
  int iterations = 0;
  bool converged = false;  // Ceres reports convergence (not an iteration limit)
  bool cancelled = false;
  bool failed = false;  // could not evaluate at the start
  QString message;
};

// Called after every iteration with (iteration, objective, current parameters).
using IterationReport = std::function<void(int, double, const std::vector<double>&)>;

SolveOutcome solveLaw(const LawProblem& problem, std::vector<double> start, int maxIterations,
                      const CancelToken* cancel = nullptr, const IterationReport& report = {});

// Covariance of all parameters at `params` from the Jacobian of the log residuals (no robust
// loss), scaled by sum r^2 / (N - p_free); fixed parameters get zero rows and columns. Returns an
// empty matrix when the Jacobian is rank deficient or N <= p_free.
Eigen::MatrixXd lawCovariance(const LawProblem& problem, const std::vector<double>& params);

}  // namespace lrscope
