#pragma once
// Schedule: a value type holding a family and its parameters (normalised: defaults filled in), and
// the formula they define. lr(n) is the LR of update n+1, n = 0 .. totalSteps()-1
// (docs/laws-and-schedules.md §0). Families and their parameters: schedule_registry.h.
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "schedule/expr.h"
#include "schedule/per_step_lr.h"

namespace lrscope {

class Schedule {
 public:
  // Validates `object` ({"family": ..., parameters...}); errors name the JSON path under `path`.
  static Result<Schedule> fromJson(const QJsonObject& object,
                                   const QString& path = QStringLiteral("$"));

  QString family() const { return parameters_.value(QStringLiteral("family")).toString(); }
  // The normalised parameter object, "family" included; fromJson(toJson()) reproduces it.
  const QJsonObject& toJson() const { return parameters_; }
  std::int64_t totalSteps() const { return totalSteps_; }
  const Expr& formula() const { return lr_; }
  // The warmup length its parameters declare: "warmup_steps", or that of the first phase of a
  // sequence; 0 when it has none.
  std::int64_t warmupSteps() const;

  double lr(std::int64_t n) const { return lr_.eval(static_cast<double>(n)); }
  std::vector<double> sample() const;  // lr(0 .. totalSteps-1)
  PerStepLr perStepLr() const { return PerStepLr(sample()); }

  friend bool operator==(const Schedule& a, const Schedule& b) {
    return a.parameters_ == b.parameters_;
  }

 private:
  Schedule(QJsonObject parameters, Expr lr, std::int64_t totalSteps)
      : parameters_(std::move(parameters)), lr_(std::move(lr)), totalSteps_(totalSteps) {}

  QJsonObject parameters_;
  Expr lr_;
  std::int64_t totalSteps_ = 0;
};

// Largest schedule LRScope samples (a sampled array of this many doubles is 800 MB).
inline constexpr std::int64_t kMaxScheduleSteps = 100'000'000;

}  // namespace lrscope
