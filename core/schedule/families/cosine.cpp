#include <numbers>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily cosineFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("cosine");
  f.summary =
      QStringLiteral("cosine decay from peak_lr to min_lr after warmup (HF cosine_with_min_lr)");
  f.formula = QStringLiteral(
      "lr(n) = min_lr + (peak_lr - min_lr) (1 + cos(2 pi num_cycles p)) / 2, p = (n - W)/(N - W)");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters += warmupParameters();
  f.parameters << ParameterSpec{
      QStringLiteral("num_cycles"),
      ParameterSpec::Kind::Real,
      0.5,
      QStringLiteral("cosine periods over the decay (0.5: one half-wave, HF)"),
      {},
      0.0};
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    requireMinBelowPeak(p, peak, floor);
    const Expr n = Expr::step();
    const Expr x = progress(n, w, static_cast<double>(total) - w);
    const double omega = 2.0 * std::numbers::pi * p.real(QStringLiteral("num_cycles"));
    const Expr main = floor + (peak - floor) * (0.5 * (1.0 + cos(omega * x)));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
