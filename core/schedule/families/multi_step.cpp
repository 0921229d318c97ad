#include <cmath>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

namespace {

// Milestones in steps, from `milestones` or from `milestone_fractions` of total_steps.
std::vector<std::int64_t> milestoneSteps(ScheduleParameters& p, std::int64_t total) {
  const QString steps = QStringLiteral("milestones");
  const QString fractions = QStringLiteral("milestone_fractions");
  if (p.has(steps)) {
    p.require(!p.has(fractions), fractions,
              QStringLiteral("give milestones or milestone_fractions, not both"));
    return p.integers(steps);
  }
  if (!p.has(fractions)) {
    p.fail(steps, QStringLiteral("missing: give milestones (steps) or milestone_fractions"));
    return {};
  }
  std::vector<std::int64_t> out;
  for (double fraction : p.reals(fractions)) {
    const auto m =
        static_cast<std::int64_t>(std::floor(fraction * static_cast<double>(total) + 1e-9));
    if (!p.require(out.empty() || m > out.back(), fractions,
                   QStringLiteral("fractions must increase (and be more than one step apart)")))
      return {};
    out.push_back(m);
  }
  return out;
}

}  // namespace

ScheduleFamily multiStepFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("multi_step");
  f.summary = QStringLiteral(
      "multiply the LR by gamma at each milestone step (PyTorch MultiStepLR, optax "
      "piecewise_constant_schedule), after an optional warmup");
  f.formula = QStringLiteral("lr(n) = peak_lr * gamma^(number of milestones <= n)");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("milestones"),
       Kind::IntegerList,
       QJsonValue::Null,
       QStringLiteral("global steps where the LR is multiplied by gamma, increasing (or give "
                      "milestone_fractions)"),
       {},
       0.0},
      {QStringLiteral("milestone_fractions"),
       Kind::RealList,
       QJsonValue::Null,
       QStringLiteral("milestones as fractions of total_steps, m = floor(f N)"),
       {},
       0.0,
       1.0},
      {QStringLiteral("gamma"),
       Kind::Real,
       0.1,
       QStringLiteral("factor applied at each milestone (PyTorch default 0.1)"),
       {},
       0.0},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double gamma = p.real(QStringLiteral("gamma"));
    const std::vector<std::int64_t> milestones = milestoneSteps(p, total);
    const QString name = p.has(QStringLiteral("milestones"))
                             ? QStringLiteral("milestones")
                             : QStringLiteral("milestone_fractions");
    for (std::int64_t m : milestones) {
      if (!p.require(m >= w && m < total, name,
                     QStringLiteral("milestone %1 is outside the decay phase [warmup_steps = %2, "
                                    "total_steps = %3)")
                         .arg(m)
                         .arg(w)
                         .arg(total)))
        break;
    }
    // A lookup table, not nested conditionals: any number of milestones stays cheap to evaluate.
    std::vector<double> steps{-1.0};
    std::vector<double> values{peak};
    for (std::size_t i = 0; i < milestones.size(); ++i) {
      steps.push_back(static_cast<double>(milestones[i]));
      values.push_back(peak * std::pow(gamma, static_cast<double>(i + 1)));
    }
    const Expr n = Expr::step();
    const Expr main =
        milestones.empty() ? Expr(peak) : previous(n, std::move(steps), std::move(values));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
