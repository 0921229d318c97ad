#pragma once
// LossLaw: a loss-curve law L(step; schedule, parameters) behind one interface
// (docs/laws-and-fitting.md). Conventions shared by every law:
//   * The schedule is a PerStepLr: lr[n] is the LR of update n+1, n = 0 .. N-1.
//   * The loss "at step s" is the loss after the update that used lr[s], so the LR area seen by it
//     is prefix(s+1) = lr[0] + ... + lr[s] (the MPL reference code and its data files count this
//     way: cumsum(lrs)[s]).
//   * W = warmupSteps: updates 0 .. W-1 are warmup; eta_0 (the LR "before" the first post-warmup
//     step, docs §1.1) is lr[W-1], the LR at the end of the warmup.
// A law evaluates many parameter sets on the same run, so it first prepares the run (all work that
// does not depend on the parameters), then predicts, optionally with d loss / d parameters.
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "common/result.h"
#include "schedule/per_step_lr.h"

namespace lrscope {

struct LawParameter {
  QString name;  // as in the paper: L0, A, alpha, ...
  double defaultValue = 0.0;
  double lower = -std::numeric_limits<double>::infinity();  // physical domain, used as fit bounds
  double upper = std::numeric_limits<double>::infinity();
  QString meaning;
  bool fittedByDefault = true;  // false: held at its value unless the user asks to fit it
};

// The schedule of one run as a law sees it.
struct LawSchedule {
  std::shared_ptr<const PerStepLr> lr;
  std::int64_t warmupSteps = 0;
};

// Parameter-independent data for one run and its requested steps; laws derive their own.
struct PreparedRun {
  virtual ~PreparedRun() = default;
  LawSchedule schedule;
  std::vector<std::int64_t> steps;
};

class LossLaw {
 public:
  virtual ~LossLaw() = default;

  virtual QString name() const = 0;                  // registry / command-line name ("mpl")
  virtual QString title() const = 0;                 // "Multi-Power Law (Luo et al. 2025)"
  virtual QString formula() const = 0;               // one line, for display
  virtual QString convention() const { return {}; }  // e.g. "paper" / "reference"; empty if none
  // Law options as written to a fit report (convention included); createLossLaw() reads them back.
  virtual QJsonObject options() const { return {}; }
  virtual bool experimental() const { return false; }  // formula UNVERIFIED in the docs
  virtual const std::vector<LawParameter>& parameters() const = 0;

  int parameterCount() const { return static_cast<int>(parameters().size()); }
  int parameterIndex(const QString& name) const;  // -1 when unknown
  std::vector<double> defaultValues() const;

  // Steps must lie in [0, lr->size()); prepare() does not check (predictAt() below does).
  virtual std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                               std::vector<std::int64_t> steps) const = 0;
  // loss[i] at run.steps[i].
  virtual void predict(const PreparedRun& run, const double* params, double* loss) const = 0;
  // Also jacobian[i * parameterCount() + j] = d loss[i] / d params[j].
  virtual void predictWithJacobian(const PreparedRun& run, const double* params, double* loss,
                                   double* jacobian) const = 0;

  // The checks predictAt() makes: a valid schedule (validateLawSchedule), every step inside it,
  // parameterCount() parameters. Errors name the problem.
  Result<bool> checkInputs(const LawSchedule& schedule, const std::vector<std::int64_t>& steps,
                           std::size_t parameters) const;
  // Checked convenience: checkInputs(), then prepare() and predict().
  Result<std::vector<double>> predictAt(const LawSchedule& schedule,
                                        const std::vector<std::int64_t>& steps,
                                        const std::vector<double>& params) const;
};

// Checks a schedule for law evaluation: non-empty, finite, non-negative LRs, 0 <= W <= size.
Result<bool> validateLawSchedule(const LawSchedule& schedule);

}  // namespace lrscope
