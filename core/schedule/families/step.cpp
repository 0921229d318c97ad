#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily stepFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("step");
  f.summary = QStringLiteral(
      "multiply the LR by gamma every step_size updates (PyTorch StepLR); the count restarts after "
      "warmup, as in SequentialLR");
  f.formula = QStringLiteral("lr(n) = peak_lr * gamma^floor((n - W) / step_size)");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("step_size"),
       Kind::Integer,
       QJsonValue::Undefined,
       QStringLiteral("updates between two decays (PyTorch step_size)"),
       {},
       1.0},
      {QStringLiteral("gamma"),
       Kind::Real,
       0.1,
       QStringLiteral("factor applied at each decay (PyTorch default 0.1)"),
       {},
       0.0},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double size = static_cast<double>(p.integer(QStringLiteral("step_size")));
    const Expr n = Expr::step();
    const Expr main = p.real(QStringLiteral("peak_lr")) *
                      pow(p.real(QStringLiteral("gamma")), floor((n - w) / size));
    return BuiltSchedule{withWarmup(p, n, main), p.integer(QStringLiteral("total_steps"))};
  };
  return f;
}

}  // namespace lrscope::families
