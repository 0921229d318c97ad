#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily rexFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("rex");
  f.summary = QStringLiteral(
      "REX (Chen, Wolfe, Kyrillidis 2022): reflected-exponential decay to min_lr after warmup, "
      "no shape parameter");
  f.formula = QStringLiteral(
      "lr(n) = min_lr + (peak_lr - min_lr) (1 - p) / (1 - p/2), p = (n - W)/(N - W)");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    requireMinBelowPeak(p, peak, floor);
    const Expr n = Expr::step();
    const Expr x = progress(n, w, static_cast<double>(total) - w);
    const Expr main = floor + (peak - floor) * ((1.0 - x) / (1.0 - x / 2.0));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
