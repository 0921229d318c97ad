#include "schedule/families/families.h"
#include "schedule/schedule_parameters.h"

namespace lrscope::families {

ScheduleFamily piecewiseLinearFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("piecewise_linear");
  f.summary = QStringLiteral("through user control points (what the schedule drawing tool makes)");
  f.formula = QStringLiteral(
      "lr(n) = interpolation of the points at n; first lr before the first point, last lr after");
  f.parameters = {
      {QStringLiteral("points"),
       Kind::Points,
       QJsonValue::Undefined,
       QStringLiteral("control points [[step, lr], ...], steps increasing"),
       {},
       0.0},
      {QStringLiteral("total_steps"),
       Kind::Integer,
       QJsonValue::Null,
       QStringLiteral("number of updates N (default: last point's step + 1)"),
       {},
       1.0},
      {QStringLiteral("interpolation"),
       Kind::Choice,
       QStringLiteral("linear"),
       QStringLiteral(
           "between points: linear, or previous (hold the last point: piecewise constant)"),
       {QStringLiteral("linear"), QStringLiteral("previous")}},
  };
  f.build = [](ScheduleParameters& p) {
    std::vector<double> xs;
    std::vector<double> ys;
    for (const auto& [step, lr] : p.points(QStringLiteral("points"))) {
      xs.push_back(step);
      ys.push_back(lr);
    }
    const std::int64_t total = p.has(QStringLiteral("total_steps"))
                                   ? p.integer(QStringLiteral("total_steps"))
                                   : static_cast<std::int64_t>(xs.back()) + 1;
    const Expr n = Expr::step();
    const Expr lr = p.choice(QStringLiteral("interpolation")) == QLatin1String("previous")
                        ? previous(n, std::move(xs), std::move(ys))
                        : interp(n, std::move(xs), std::move(ys));
    return BuiltSchedule{lr, total};
  };
  return f;
}

}  // namespace lrscope::families
