#include <cmath>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily exponentialFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("exponential");
  f.summary = QStringLiteral(
      "exponential decay by gamma per transition_steps (PyTorch ExponentialLR, optax "
      "exponential_decay); the count restarts after warmup");
  f.formula = QStringLiteral(
      "lr(n) = peak_lr * gamma^(max(n - W - transition_begin, 0) / transition_steps), floored "
      "if staircase, clipped at end_value");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("gamma"),
       Kind::Real,
       QJsonValue::Undefined,
       QStringLiteral("decay factor per transition_steps updates (PyTorch gamma, optax "
                      "decay_rate); > 1 grows"),
       {},
       0.0},
      {QStringLiteral("transition_steps"),
       Kind::Integer,
       1,
       QStringLiteral("updates per factor gamma (1: PyTorch ExponentialLR)"),
       {},
       1.0},
      {QStringLiteral("transition_begin"),
       Kind::Integer,
       0,
       QStringLiteral("updates after warmup to hold peak_lr before decaying (optax)"),
       {},
       0.0},
      {QStringLiteral("staircase"),
       Kind::Boolean,
       false,
       QStringLiteral("decay in discrete steps: floor of the exponent (optax)"),
       {}},
      {QStringLiteral("end_value"),
       Kind::Real,
       QJsonValue::Null,
       QStringLiteral("bound the LR never passes: a floor when gamma < 1, a ceiling when > 1 "
                      "(optax; none by default)"),
       {},
       0.0},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double begin = static_cast<double>(p.integer(QStringLiteral("transition_begin")));
    const double steps = static_cast<double>(p.integer(QStringLiteral("transition_steps")));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double gamma = p.real(QStringLiteral("gamma"));
    p.require(gamma > 0.0, QStringLiteral("gamma"), QStringLiteral("must be > 0, got 0"));
    const Expr n = Expr::step();
    Expr exponent = max(n - (w + begin), 0.0) / steps;
    if (p.boolean(QStringLiteral("staircase"))) exponent = floor(exponent);
    Expr main = peak * pow(gamma, exponent);
    if (p.has(QStringLiteral("end_value"))) {
      const double end = p.real(QStringLiteral("end_value"));
      if (gamma < 1.0) {
        p.require(end <= peak, QStringLiteral("end_value"),
                  QStringLiteral("end_value (%1) is above peak_lr (%2) but gamma < 1 decays")
                      .arg(end)
                      .arg(peak));
        main = max(main, end);
      } else {
        p.require(end >= peak, QStringLiteral("end_value"),
                  QStringLiteral("end_value (%1) is below peak_lr (%2) but gamma >= 1 grows")
                      .arg(end)
                      .arg(peak));
        main = min(main, end);
      }
    }
    return BuiltSchedule{withWarmup(p, n, main), p.integer(QStringLiteral("total_steps"))};
  };
  return f;
}

}  // namespace lrscope::families
