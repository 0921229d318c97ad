#include "schedule/families/families.h"
#include "schedule/schedule.h"
#include "schedule/schedule_parameters.h"

namespace lrscope::families {

ScheduleFamily sequenceFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("sequence");
  f.summary = QStringLiteral(
      "phases one after another, each restarting its own step count "
      "(warmup, main shape, re-warm for continual pre-training, ...)");
  f.formula = QStringLiteral("lr(n) = phase_i(n - start_i) for start_i <= n < start_i + N_i");
  f.parameters = {{QStringLiteral("phases"), ParameterSpec::Kind::Phases, QJsonValue::Undefined,
                   QStringLiteral("the schedules to run in order (PyTorch SequentialLR, optax "
                                  "join_schedules)")}};
  f.build = [](ScheduleParameters& p) {
    const std::vector<Schedule>& phases = p.phases();
    std::vector<std::int64_t> starts;
    std::int64_t total = 0;
    for (const Schedule& s : phases) {
      starts.push_back(total);
      total += s.totalSteps();
      if (total > kMaxScheduleSteps) break;
    }
    const Expr n = Expr::step();
    Expr lr = phases.back().formula().substitute(n - static_cast<double>(starts.back()));
    for (std::size_t i = phases.size() - 1; i-- > 0;) {
      const double end = static_cast<double>(starts[i] + phases[i].totalSteps());
      lr = where(n < end, phases[i].formula().substitute(n - static_cast<double>(starts[i])), lr);
    }
    return BuiltSchedule{lr, total};
  };
  return f;
}

}  // namespace lrscope::families
