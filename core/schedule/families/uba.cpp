#include <numbers>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily ubaFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("uba");
  f.summary = QStringLiteral(
      "UBA, unified budget-aware schedule (Tang et al., NeurIPS 2025) after warmup; UNVERIFIED: "
      "the formula is taken from a third-party implementation, not the paper");
  f.formula = QStringLiteral(
      "lr(n) = min_lr + (peak_lr - min_lr) 2(1 + cos t) / (2 phi + (2 - phi)(1 + cos t)), "
      "t = pi (n - W)/(N - W)");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters << ParameterSpec{
      QStringLiteral("phi"),
      Kind::Real,
      0.8,
      QStringLiteral("shape: 2 is cosine, smaller stays high longer then drops (default 0.8 from "
                     "a third-party implementation; UNVERIFIED)"),
      {},
      0.0};
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    const double phi = p.real(QStringLiteral("phi"));
    requireMinBelowPeak(p, peak, floor);
    p.require(phi > 0.0, QStringLiteral("phi"), QStringLiteral("must be > 0, got 0"));
    const Expr n = Expr::step();
    const Expr c = 1.0 + cos(std::numbers::pi * progress(n, w, static_cast<double>(total) - w));
    const Expr main = floor + (peak - floor) * (2.0 * c / (2.0 * phi + (2.0 - phi) * c));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
