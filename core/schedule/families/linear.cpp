#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily linearFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("linear");
  f.summary = QStringLiteral("linear decay to min_lr after warmup; min_lr = 0 is D2Z (HF linear)");
  f.formula = QStringLiteral("lr(n) = min_lr + (peak_lr - min_lr) (1 - p), p = (n - W)/(N - W)");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    requireMinBelowPeak(p, peak, floor);
    const Expr n = Expr::step();
    const Expr main =
        decayShape(p, QStringLiteral("linear"), progress(n, w, static_cast<double>(total) - w),
                   peak, floor, QStringLiteral("min_lr"));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
