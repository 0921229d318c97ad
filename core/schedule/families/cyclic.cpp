#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily cyclicFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("cyclic");
  f.summary = QStringLiteral(
      "cyclical LR between base_lr and max_lr (Smith 2017; PyTorch CyclicLR, same parameters "
      "and defaults)");
  f.formula = QStringLiteral(
      "c = floor(1 + n/(up+down)), x = 1 + n/(up+down) - c, s = x/r if x <= r else "
      "(x-1)/(r-1), r = up/(up+down); lr(n) = base_lr + (max_lr - base_lr) s scale");
  f.parameters = {
      totalStepsParameter(),
      {QStringLiteral("base_lr"),
       Kind::Real,
       3e-5,
       QStringLiteral("lower LR bound, the LR at the start of each cycle"),
       {},
       0.0},
      {QStringLiteral("max_lr"),
       Kind::Real,
       3e-4,
       QStringLiteral("upper LR bound (reached at step_size_up in the first cycle)"),
       {},
       0.0},
      {QStringLiteral("step_size_up"),
       Kind::Integer,
       2000,
       QStringLiteral("updates in the increasing half of a cycle (PyTorch default 2000)"),
       {},
       1.0},
      {QStringLiteral("step_size_down"),
       Kind::Integer,
       QJsonValue::Null,
       QStringLiteral("updates in the decreasing half (default step_size_up)"),
       {},
       1.0},
      {QStringLiteral("mode"),
       Kind::Choice,
       QStringLiteral("triangular"),
       QStringLiteral("scale: triangular 1, triangular2 1/2^(c-1) per cycle, exp_range gamma^n "
                      "per update"),
       {QStringLiteral("triangular"), QStringLiteral("triangular2"), QStringLiteral("exp_range")}},
      {QStringLiteral("gamma"),
       Kind::Real,
       1.0,
       QStringLiteral("exp_range: amplitude factor per update"),
       {},
       0.0},
  };
  f.build = [](ScheduleParameters& p) {
    const double base = p.real(QStringLiteral("base_lr"));
    const double top = p.real(QStringLiteral("max_lr"));
    p.require(base <= top, QStringLiteral("base_lr"),
              QStringLiteral("base_lr (%1) is above max_lr (%2)").arg(base).arg(top));
    const double up = static_cast<double>(p.integer(QStringLiteral("step_size_up")));
    const double down = p.has(QStringLiteral("step_size_down"))
                            ? static_cast<double>(p.integer(QStringLiteral("step_size_down")))
                            : up;
    const double cycleLength = up + down;
    const double ratio = up / cycleLength;
    const Expr n = Expr::step();
    const Expr cycle = floor(1.0 + n / cycleLength);
    const Expr x = (1.0 + n / cycleLength) - cycle;
    const Expr s = where(x <= ratio, x / ratio, (x - 1.0) / (ratio - 1.0));
    const QString mode = p.choice(QStringLiteral("mode"));
    Expr scale = 1.0;
    if (mode == QLatin1String("triangular2")) scale = 1.0 / pow(2.0, cycle - 1.0);
    if (mode == QLatin1String("exp_range")) scale = pow(p.real(QStringLiteral("gamma")), n);
    return BuiltSchedule{base + ((top - base) * s) * scale,
                         p.integer(QStringLiteral("total_steps"))};
  };
  return f;
}

}  // namespace lrscope::families
