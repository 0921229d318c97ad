#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily constantFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("constant");
  f.summary = QStringLiteral("constant LR after an optional warmup (HF constant_with_warmup)");
  f.formula = QStringLiteral("lr(n) = peak_lr");
  f.parameters = {totalStepsParameter(), peakLrParameter()};
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const Expr n = Expr::step();
    return BuiltSchedule{withWarmup(p, n, Expr(p.real(QStringLiteral("peak_lr")))),
                         p.integer(QStringLiteral("total_steps"))};
  };
  return f;
}

}  // namespace lrscope::families
