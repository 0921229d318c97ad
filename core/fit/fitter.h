#pragma once
// Fitting a loss law to observed runs with Ceres (docs/laws-and-fitting.md).
//  * Joint fit: every training run shares one parameter set; each run keeps its own schedule
//    (its own S1, loss-drop terms and warmup).
//  * Objective: sum over training points of Huber_delta(log y - log p) (default, delta = 1e-3, the
//    papers' choice; each point's residual is robustified on its own, law_solver.cpp) or of
//    (log y - log p)^2 / 2; predictions are clamped at 1e-10 before the log.
//  * Bounds: the law's domain, tightened from the data (fit_setup.h); parameters can be fixed.
//  * Multi-start: starting points seeded from the data (fit_setup.h) are screened with a few
//    Levenberg-Marquardt iterations each; the best few are refined to convergence; the lowest
//    objective wins.
//  * Mild prior (MPL): the true minimiser of the objective on few runs drifts along a degenerate
//    direction (large B with slowly maturing drops: small beta or C) that predicts held-out runs
//    worse. A Gaussian prior in log-parameter space centred on the data-seeded start (the
//    reference procedure's own initial point) is added with weight kappa N delta^2 (N training
//    residuals): moving one parameter by a factor e costs as much as shifting every residual by
//    sqrt(kappa) delta. kappa = priorStrength on the loss-drop parameters B, C, beta, gamma and 0
//    on L0, A, alpha (default 8; both chosen by cross-validation over 35 splits of the MPL
//    curves; 0 gives the plain minimiser); priorStrengthFor sets any parameter's kappa by name.
//    The reported objective excludes the prior.
//  * Uncertainty: covariance from the Jacobian at the optimum (Ceres DENSE_SVD, without the robust
//    loss) scaled by s^2 = sum r^2 / (N - p), standard errors and correlations of free parameters.
//  * Every run evaluated on its raw observed points (run_evaluation.h): metrics, noise floor, 95%
//    prediction interval and its coverage; averages over train and over test runs; a warning for
//    a test run observed past 1.5x the last training step.
//  * Progress after every iteration with the current parameters; cancel is checked every
//    iteration, inside every evaluation and between starts. One ceres::Problem per start, owned by
//    the calling thread: independent fits run in parallel.
//  * Failures (non-finite predictions, no start that evaluates, cancel) are results carrying the
//    best parameters found so far and a message.
#include <Eigen/Core>
#include <QString>
#include <QStringList>
#include <functional>
#include <limits>
#include <vector>

#include "common/progress.h"
#include "fit/metrics.h"
#include "law/loss_law.h"

namespace lrscope {

enum class FitRole { Train, Test };

struct FitRun {
  QString name;
  FitRole role = FitRole::Train;
  LawSchedule schedule;
  std::vector<std::int64_t> steps;  // observed steps, sorted, inside the schedule
  std::vector<double> loss;  // observed loss (points that are not finite and > 0 are skipped)
  QString source;            // where it was read from (reports only)
};

enum class FitObjective { Huber, LeastSquares };

// MultiStart: the minimiser described above. ReferenceAdamW (MPL only): the reference code's
// procedure (reference_adamw.h), which reproduces the published parameters; no prior.
enum class FitMethod { MultiStart, ReferenceAdamW };

struct FitOptions {
  FitMethod method = FitMethod::MultiStart;
  FitObjective objective = FitObjective::Huber;
  double huberDelta = 1e-3;
  std::size_t maxPointsPerRun = 1000;  // larger training logs are binned (observations.h)
  bool multiStart = true;              // false: one start from `initial` or the law's defaults
  std::vector<std::pair<QString, double>> initial;  // start values by parameter name
  std::vector<std::pair<QString, double>> fixed;    // held at this value
  QStringList fit;  // parameters fitted although the law holds them by default (e.g. "lambda")
  std::vector<std::pair<QString, std::pair<double, double>>> bounds;  // overrides [lower, upper]
  double priorStrength = 8.0;  // kappa of the mild prior on MPL's B, C, beta, gamma (see above)
  std::vector<std::pair<QString, double>> priorStrengthFor;  // kappa of one parameter (overrides)
  int screenIterations = 12;  // per start, before keeping the best `refineStarts`
  int refineStarts = 3;
  int maxIterations = 300;
};

struct FitProgress {
  QString stage;  // "screen" (short runs from every start) or "refine" (the best, to convergence)
  int start = 0;  // 0-based index within the stage
  int starts = 0;
  int iteration = 0;
  double objective = 0.0;
  std::vector<double> parameters;  // every law parameter, in law order
};

struct ParameterEstimate {
  QString name;
  double value = 0.0;
  double standardError = 0.0;  // NaN when unavailable (fixed, or singular Jacobian)
  double lower = 0.0, upper = 0.0;
  bool fixed = false;
  bool atLowerBound = false, atUpperBound = false;
};

struct RunFit {
  QString name;
  QString source;
  std::int64_t warmupSteps = 0;
  FitRole role = FitRole::Train;
  std::size_t fittedPoints = 0;  // residuals used in the fit (after binning; 0 for test runs)
  double noiseStd = 0.0;         // estimated noise floor of the observed loss
  // The 95% prediction interval of each observed loss, predicted +- 1.96 sqrt(J Cov J^T +
  // (s predicted)^2) (prediction_band.h, s = FitResult::residualScale); empty without a
  // covariance. bandCoverage is the share of the observed points inside it: about 0.95 on the
  // training runs by construction, well below it on a held-out run the law predicts worse than
  // it fits (an honest check of the error bars); NaN without a covariance.
  std::vector<double> lower, upper;
  double bandCoverage = std::numeric_limits<double>::quiet_NaN();
  Metrics metrics;
  std::vector<std::int64_t> steps;  // raw observed points
  std::vector<double> observed, predicted;
};

enum class FitStatus { Converged, IterationLimit, Cancelled, Failed };

struct FitResult {
  FitStatus status = FitStatus::Failed;
  QString message;
  QStringList warnings;  // bound hits, skipped points, binning, singular covariance
  std::vector<ParameterEstimate> parameters;
  Eigen::MatrixXd covariance;   // all parameters (zero rows/columns for fixed ones)
  Eigen::MatrixXd correlation;  // NaN where undefined
  double objective = 0.0;       // at the returned parameters, over the training residuals
  // s = sqrt(sum r^2 / (N - p_free)) of the log residuals over the training runs' raw observed
  // points (not the bins a long log is averaged into): the typical relative scatter of one
  // observed loss around the law, misfit and noise together. NaN when N <= p_free.
  double residualScale = std::numeric_limits<double>::quiet_NaN();
  double priorPenalty = 0.0;        // the prior's term at the returned parameters (0 without prior)
  std::vector<double> priorCentre;  // empty when no prior was used
  std::vector<double> priorStrengths;  // kappa per parameter (0: no prior on it)
  int iterations = 0;                  // of the winning refinement
  int starts = 0;                      // starting points tried
  std::vector<RunFit> runs;
  Metrics train, test;
  bool hasTest = false;
  double elapsedSeconds = 0.0;

  std::vector<double> values() const;
};

struct FitCallbacks {
  std::function<void(const FitProgress&)> progress;  // called on the fitting thread
  const CancelToken* cancel = nullptr;
};

// Whether fits of this law start from a data-seeded point (the reference procedure's initial
// point), which the mild prior is centred on and FitMethod::ReferenceAdamW starts from: "mpl".
bool hasReferenceStart(const QString& lawName);

QString fitStatusName(FitStatus status);  // "converged", "iteration-limit", "cancelled", "failed"

// Fits `law` to the training runs of `runs` and evaluates it on all of them.
FitResult fitLaw(const LossLaw& law, const std::vector<FitRun>& runs,
                 const FitOptions& options = {}, const FitCallbacks& callbacks = {});

}  // namespace lrscope
