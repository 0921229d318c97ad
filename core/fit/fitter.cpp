#include "fit/fitter.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "fit/fit_setup.h"
#include "fit/law_solver.h"
#include "fit/observations.h"
#include "fit/reference_adamw.h"
#include "fit/run_evaluation.h"

namespace lrscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool cancelled(const FitCallbacks& cb) {
  return cb.cancel && cb.cancel->isCancelled();
}

// Parameter values, fixed flags and bounds from the law and the options; errors name the option.
Result<bool> setUpParameters(const LossLaw& law, const FitOptions& options, LawProblem& lp,
                             std::vector<double>& values) {
  const int n = law.parameterCount();
  values = law.defaultValues();
  lp.fixed.assign(n, false);
  lp.lower.resize(n);
  lp.upper.resize(n);
  for (int j = 0; j < n; ++j) {
    const LawParameter& p = law.parameters()[j];
    lp.fixed[j] = !p.fittedByDefault;
    lp.lower[j] = p.lower;
    lp.upper[j] = p.upper;
  }
  auto index = [&](const QString& name) -> Result<int> {
    const int j = law.parameterIndex(name);
    if (j < 0) {
      QStringList names;
      for (const LawParameter& p : law.parameters()) names << p.name;
      return Error{QStringLiteral("law '%1' has no parameter '%2' (parameters: %3)")
                       .arg(law.name(), name, names.join(QStringLiteral(", ")))};
    }
    return j;
  };
  for (const QString& name : options.fit) {
    const auto j = index(name);
    if (!j) return Error{j.error()};
    lp.fixed[*j] = false;
  }
  for (const auto& [name, v] : options.initial) {
    const auto j = index(name);
    if (!j) return Error{j.error()};
    if (!std::isfinite(v))
      return Error{QStringLiteral("start value of %1 is not finite").arg(name)};
    values[*j] = v;
  }
  for (const auto& [name, v] : options.fixed) {
    const auto j = index(name);
    if (!j) return Error{j.error()};
    if (!std::isfinite(v))
      return Error{QStringLiteral("fixed value of %1 is not finite").arg(name)};
    values[*j] = v;
    lp.fixed[*j] = true;
  }
  for (const auto& [name, kappa] : options.priorStrengthFor) {
    const auto j = index(name);
    if (!j) return Error{j.error()};
    if (!(kappa >= 0) || !std::isfinite(kappa))
      return Error{QStringLiteral("prior strength of %1 is not a number >= 0").arg(name)};
  }
  return true;
}

// kappa per parameter: priorStrength on the parameters the law's prior acts on by default, 0 on
// the others, unless set by name.
std::vector<double> priorStrengths(const LossLaw& law, const FitOptions& options,
                                   const std::vector<bool>& byDefault) {
  std::vector<double> kappa(law.parameterCount(), 0.0);
  for (std::size_t j = 0; j < kappa.size() && j < byDefault.size(); ++j)
    if (byDefault[j]) kappa[j] = options.priorStrength;
  for (const auto& [name, k] : options.priorStrengthFor) kappa[law.parameterIndex(name)] = k;
  return kappa;
}

Result<bool> validateRun(const FitRun& run) {
  if (auto ok = validateLawSchedule(run.schedule); !ok)
    return Error{QStringLiteral("run '%1': %2").arg(run.name, ok.error())};
  if (run.steps.size() != run.loss.size())
    return Error{QStringLiteral("run '%1': %2 steps but %3 losses")
                     .arg(run.name)
                     .arg(run.steps.size())
                     .arg(run.loss.size())};
  for (std::size_t i = 0; i < run.steps.size(); ++i) {
    if (run.steps[i] < 0 || run.steps[i] >= run.schedule.lr->size())
      return Error{QStringLiteral("run '%1': observed step %2 is outside its schedule (0 .. %3)")
                       .arg(run.name)
                       .arg(run.steps[i])
                       .arg(run.schedule.lr->size() - 1)};
    if (i > 0 && run.steps[i] <= run.steps[i - 1])
      return Error{QStringLiteral("run '%1': steps are not increasing at step %2")
                       .arg(run.name)
                       .arg(run.steps[i])};
  }
  return true;
}

void finishParameters(const LossLaw& law, const LawProblem& lp, const std::vector<double>& best,
                      FitResult& result) {
  const int n = law.parameterCount();
  result.covariance = lawCovariance(lp, best);
  const bool haveCovariance = result.covariance.rows() == n;
  bool anyFree = false;
  for (int j = 0; j < n; ++j) anyFree = anyFree || !lp.fixed[j];
  if (!haveCovariance && anyFree)
    result.warnings << QStringLiteral(
        "the Jacobian at the optimum is rank deficient (or too few points): no standard errors; "
        "some parameters are not determined by these runs");
  result.correlation = Eigen::MatrixXd::Constant(n, n, kNaN);
  for (int j = 0; j < n; ++j) {
    ParameterEstimate e;
    e.name = law.parameters()[j].name;
    e.value = best[j];
    e.fixed = lp.fixed[j];
    e.lower = lp.lower[j];
    e.upper = lp.upper[j];
    e.standardError = haveCovariance && !e.fixed ? std::sqrt(result.covariance(j, j)) : kNaN;
    auto near = [](double v, double bound) {
      return std::isfinite(bound) && std::abs(v - bound) <= 1e-6 * std::max(1.0, std::abs(bound));
    };
    e.atLowerBound = !e.fixed && near(e.value, e.lower);
    e.atUpperBound = !e.fixed && near(e.value, e.upper);
    if (e.atLowerBound || e.atUpperBound)
      result.warnings << QStringLiteral("parameter %1 = %2 sits on its %3 bound")
                             .arg(e.name)
                             .arg(e.value, 0, 'g', 8)
                             .arg(e.atLowerBound ? QStringLiteral("lower")
                                                 : QStringLiteral("upper"));
    result.parameters.push_back(e);
    if (!haveCovariance || e.fixed) continue;
    for (int k = 0; k < n; ++k)
      if (!lp.fixed[k])
        result.correlation(j, k) =
            result.covariance(j, k) / std::sqrt(result.covariance(j, j) * result.covariance(k, k));
  }
}

using StageReport = std::function<IterationReport(const QString& stage, int start, int starts)>;

// Screens every start with a few iterations (when there are more than refineStarts), refines the
// best to convergence and keeps the lowest objective.
SolveOutcome multiStartSolve(const LawProblem& lp, const std::vector<std::vector<double>>& starts,
                             const std::vector<double>& base, const FitOptions& options,
                             const FitCallbacks& cb, const StageReport& report) {
  std::vector<SolveOutcome> screened;
  const bool screen = starts.size() > static_cast<std::size_t>(std::max(options.refineStarts, 1));
  for (std::size_t i = 0; i < starts.size() && !cancelled(cb); ++i) {
    if (!screen) {
      SolveOutcome unscreened;
      unscreened.params = starts[i];
      unscreened.objective = lp.objective(starts[i]) + lp.penalty(starts[i]);
      screened.push_back(unscreened);
      continue;
    }
    screened.push_back(solveLaw(lp, starts[i], options.screenIterations, cb.cancel,
                                report(QStringLiteral("screen"), int(i), int(starts.size()))));
  }
  std::stable_sort(screened.begin(), screened.end(),
                   [](const auto& a, const auto& b) { return a.objective < b.objective; });
  SolveOutcome best;
  best.params = base;
  best.objective = std::numeric_limits<double>::infinity();
  best.failed = true;
  best.message = QStringLiteral("no starting point gives a finite prediction");
  const std::size_t refine =
      std::min<std::size_t>(screened.size(), std::max(options.refineStarts, 1));
  for (std::size_t i = 0; i < refine && !cancelled(cb); ++i) {
    if (!std::isfinite(screened[i].objective)) continue;
    SolveOutcome out = solveLaw(lp, screened[i].params, options.maxIterations, cb.cancel,
                                report(QStringLiteral("refine"), int(i), int(refine)));
    if (!out.failed && out.objective < best.objective) best = out;
    if (out.cancelled) break;
  }
  if (best.failed && !screened.empty() && std::isfinite(screened[0].objective)) {
    best = screened[0];  // refinement cancelled or failed: keep the best screened point
    best.converged = false;
  }
  return best;
}

}  // namespace

std::vector<double> FitResult::values() const {
  std::vector<double> v;
  for (const ParameterEstimate& p : parameters) v.push_back(p.value);
  return v;
}

QString fitStatusName(FitStatus status) {
  switch (status) {
    case FitStatus::Converged:
      return QStringLiteral("converged");
    case FitStatus::IterationLimit:
      return QStringLiteral("iteration-limit");
    case FitStatus::Cancelled:
      return QStringLiteral("cancelled");
    case FitStatus::Failed:
      break;
  }
  return QStringLiteral("failed");
}

FitResult fitLaw(const LossLaw& law, const std::vector<FitRun>& runs, const FitOptions& options,
                 const FitCallbacks& callbacks) {
  QElapsedTimer timer;
  timer.start();
  FitResult result;
  LawProblem lp;
  lp.law = &law;
  lp.huber = options.objective == FitObjective::Huber;
  lp.huberDelta = options.huberDelta;
  std::vector<double> base;
  auto fail = [&](const QString& message) {
    result.status = FitStatus::Failed;
    result.message = message;
    result.elapsedSeconds = timer.nsecsElapsed() / 1e9;
    return result;
  };
  if (auto ok = setUpParameters(law, options, lp, base); !ok) return fail(ok.error());
  // Training data: usable points, binned, prepared once for every evaluation.
  std::vector<TrainingRun> training;
  std::vector<std::size_t> fitted(runs.size(), 0);
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (auto ok = validateRun(runs[r]); !ok) return fail(ok.error());
    if (runs[r].role != FitRole::Train) continue;
    TrainingRun run{runs[r].schedule, {}};
    std::vector<std::int64_t> steps;
    std::vector<double> loss;
    usablePoints(runs[r], steps, loss);
    if (steps.size() < runs[r].steps.size())
      result.warnings << QStringLiteral(
                             "run '%1': %2 points without a finite positive loss skipped")
                             .arg(runs[r].name)
                             .arg(runs[r].steps.size() - steps.size());
    if (steps.empty()) continue;
    run.observations = binObservations(steps, loss, options.maxPointsPerRun);
    if (run.observations.steps.size() < steps.size())
      result.warnings << QStringLiteral("run '%1': %2 points averaged into %3 bins for the fit")
                             .arg(runs[r].name)
                             .arg(steps.size())
                             .arg(run.observations.steps.size());
    fitted[r] = run.observations.steps.size();
    LawProblem::Run prepared{law.prepare(run.schedule, run.observations.steps), {}};
    for (double y : run.observations.loss) prepared.logLoss.push_back(std::log(y));
    lp.runs.push_back(std::move(prepared));
    training.push_back(std::move(run));
  }
  if (training.empty()) return fail(QStringLiteral("no training run with usable loss values"));
  tightenBounds(law, training, lp.lower, lp.upper);
  for (const auto& [name, range] : options.bounds) {
    const int j = law.parameterIndex(name);
    if (j < 0 || !(range.first <= range.second))
      return fail(QStringLiteral("invalid bounds for parameter '%1'").arg(name));
    lp.lower[j] = range.first;
    lp.upper[j] = range.second;
  }
  // Starts, screening, refinement.
  auto report = [&](const QString& stage, int start, int starts) -> IterationReport {
    if (!callbacks.progress) return {};
    return [&callbacks, stage, start, starts](int iteration, double cost,
                                              const std::vector<double>& p) {
      callbacks.progress({stage, start, starts, iteration, cost, p});
    };
  };
  const bool anyFree = std::find(lp.fixed.begin(), lp.fixed.end(), false) != lp.fixed.end();
  const bool reference = options.method == FitMethod::ReferenceAdamW;
  if (reference && !hasReferenceStart(law.name()))
    return fail(
        QStringLiteral("the reference procedure (AdamW from the reduced fit) is defined "
                       "for the Multi-Power Law only"));
  if (reference && !(options.multiStart && anyFree))
    return fail(
        QStringLiteral("the reference procedure starts from its reduced-fit grid: it cannot be "
                       "combined with a single start or with every parameter fixed"));
  StartPlan plan{{base}, {}, {}};
  if (options.multiStart && anyFree) plan = startPoints(lp, training, base, callbacks.cancel);
  const std::vector<std::vector<double>>& starts = plan.starts;
  if (!plan.priorCentre.empty() && !reference) {
    result.priorStrengths = priorStrengths(law, options, plan.priorByDefault);
    const double scale = lp.huberDelta;  // the log-residual scale of the objective
    for (double kappa : result.priorStrengths)
      lp.priorWeight.push_back(kappa * double(lp.residualCount()) * scale * scale);
    lp.priorCentre = plan.priorCentre;
    bool used = false;  // some free parameter has a prior
    for (std::size_t j = 0; j < lp.priorCentre.size(); ++j) used = used || lp.hasPrior(j);
    if (used)
      result.priorCentre = plan.priorCentre;
    else
      result.priorStrengths.clear();
  }
  SolveOutcome best;
  if (reference) {
    result.starts = 1;
    if (plan.priorCentre.empty()) {  // seeding cancelled, or no reduced fit was finite
      best.params = base;
      best.objective = std::numeric_limits<double>::infinity();
      best.cancelled = cancelled(callbacks);
      best.failed = !best.cancelled;
      best.message = QStringLiteral("no starting point gives a finite prediction");
    } else {
      best = referenceAdamW(lp, plan.priorCentre, callbacks.cancel,
                            report(QStringLiteral("adamw"), 0, 1));
    }
  } else {
    best = multiStartSolve(lp, starts, base, options, callbacks, report);
    result.starts = static_cast<int>(starts.size());
  }
  result.objective = lp.objective(best.params);
  result.priorPenalty = lp.penalty(best.params);
  result.iterations = best.iterations;
  finishParameters(law, lp, best.params, result);
  if (reference)
    result.warnings << QStringLiteral(
        "the reference procedure stops before the objective's minimum: the standard errors "
        "describe the curvature where it stopped");
  evaluateRuns(law, runs, fitted, result);
  if (cancelled(callbacks)) {
    result.status = FitStatus::Cancelled;
    result.message = QStringLiteral("cancelled; the best parameters found so far are reported");
  } else if (!std::isfinite(result.objective)) {
    result.status = FitStatus::Failed;
    result.message = best.message;
  } else {
    result.status = best.converged ? FitStatus::Converged : FitStatus::IterationLimit;
    result.message =
        best.converged
            ? (reference ? best.message : QStringLiteral("converged"))
            : QStringLiteral("stopped at the iteration limit (%1)").arg(options.maxIterations);
  }
  result.elapsedSeconds = timer.nsecsElapsed() / 1e9;
  return result;
}

}  // namespace lrscope
