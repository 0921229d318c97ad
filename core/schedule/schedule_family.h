#pragma once
// ScheduleFamily: a named schedule shape (cosine, wsd, ...) with its parameters and the builder
// that turns validated parameters into the formula lr(n). One file per family under
// schedule/families/; the registry (schedule_registry.h) lists them all.
#include <QString>
#include <QVector>
#include <cstdint>
#include <functional>

#include "schedule/expr.h"
#include "schedule/parameter_spec.h"

namespace lrscope {

class ScheduleParameters;

struct BuiltSchedule {
  Expr lr;  // lr(n), valid for 0 <= n < totalSteps
  std::int64_t totalSteps = 0;
};

struct ScheduleFamily {
  QString name;     // JSON "family" value and CLI name, snake_case
  QString summary;  // one-line meaning for `schedule list` and tooltips
  QString formula;  // the shape in one line of maths
  QVector<ParameterSpec> parameters;
  // Called with type-checked parameters; reports family-level problems (min above peak, ...)
  // through ScheduleParameters::fail and may then return anything.
  std::function<BuiltSchedule(ScheduleParameters&)> build;
};

}  // namespace lrscope
