#include <numeric>

#include "schedule/families/families.h"
#include "schedule/schedule_parameters.h"

namespace lrscope::families {

ScheduleFamily sampledFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("sampled");
  f.summary = QStringLiteral("an explicit LR for every update, as a training log provides it");
  f.formula = QStringLiteral("lr(n) = values[n]");
  f.parameters = {{QStringLiteral("values"),
                   ParameterSpec::Kind::RealList,
                   QJsonValue::Undefined,
                   QStringLiteral("lr[0], lr[1], ... one per update"),
                   {},
                   0.0}};
  f.build = [](ScheduleParameters& p) {
    std::vector<double> values = p.reals(QStringLiteral("values"));
    p.require(!values.empty(), QStringLiteral("values"),
              QStringLiteral("needs at least one value"));
    std::vector<double> steps(values.size());
    std::iota(steps.begin(), steps.end(), 0.0);
    const auto total = static_cast<std::int64_t>(values.size());
    if (values.empty()) return BuiltSchedule{Expr(0.0), 0};
    return BuiltSchedule{previous(Expr::step(), std::move(steps), std::move(values)), total};
  };
  return f;
}

}  // namespace lrscope::families
