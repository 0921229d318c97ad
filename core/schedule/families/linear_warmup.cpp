#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily linearWarmupFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("linear_warmup");
  f.summary =
      QStringLiteral("a warmup ramp alone, from start_lr to peak_lr (a phase of a sequence)");
  f.formula = QStringLiteral("lr(n) = start_lr + (peak_lr - start_lr) * shape(p), p by convention");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("start_lr"),
       ParameterSpec::Kind::Real,
       0.0,
       QStringLiteral("LR at p = 0 (the current LR when re-warming for continual pre-training)"),
       {},
       0.0}};
  for (const ParameterSpec& spec : warmupParameters())
    if (spec.name == QLatin1String("warmup_convention") ||
        spec.name == QLatin1String("warmup_shape"))
      f.parameters << spec;
  f.build = [](ScheduleParameters& p) {
    const std::int64_t steps = p.integer(QStringLiteral("total_steps"));
    const Expr lr = warmupRamp(p, Expr::step(), steps, p.real(QStringLiteral("start_lr")),
                               p.real(QStringLiteral("peak_lr")));
    return BuiltSchedule{lr, steps};
  };
  return f;
}

}  // namespace lrscope::families
