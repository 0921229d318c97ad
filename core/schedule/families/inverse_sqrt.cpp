#include <cmath>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

namespace {

// Noam: factor * d_model^-0.5 * min(s^-0.5, s * W^-1.5), s = n + 1; its warmup is built in.
Expr noam(ScheduleParameters& p, const Expr& n) {
  for (const ParameterSpec& spec : warmupParameters()) {
    if (spec.name == QLatin1String("warmup_steps")) continue;
    const bool isDefault = spec.kind == ParameterSpec::Kind::Choice
                               ? p.choice(spec.name) == spec.defaultValue.toString()
                               : p.real(spec.name) == spec.defaultValue.toDouble();
    p.require(isDefault, spec.name,
              QStringLiteral("the noam form has its own warmup, linear in n+1; leave %1 at its "
                             "default")
                  .arg(spec.name));
  }
  const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
  p.require(w < p.integer(QStringLiteral("total_steps")), QStringLiteral("warmup_steps"),
            QStringLiteral("must be shorter than total_steps (%1), got %2")
                .arg(p.integer(QStringLiteral("total_steps")))
                .arg(w));
  const double scale = p.real(QStringLiteral("factor")) /
                       std::sqrt(static_cast<double>(p.integer(QStringLiteral("d_model"))));
  const Expr s = n + 1.0;
  const Expr decay = pow(s, -0.5);
  if (w == 0) return scale * decay;  // W^-1.5 would be infinite (and Python raises on 0**-1.5)
  return scale * min(decay, s * std::pow(static_cast<double>(w), -1.5));
}

}  // namespace

ScheduleFamily inverseSqrtFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("inverse_sqrt");
  f.summary = QStringLiteral(
      "inverse square root decay: HF get_inverse_sqrt_schedule (form hf) or the Transformer's "
      "Noam schedule (form noam)");
  f.formula = QStringLiteral(
      "hf: lr(n) = peak_lr / sqrt((n - W + timescale) / timescale) for n >= W; "
      "noam: lr(n) = factor d_model^-0.5 min((n+1)^-0.5, (n+1) W^-1.5)");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("form"),
       Kind::Choice,
       QStringLiteral("hf"),
       QStringLiteral("hf (peak_lr, timescale, warmup_*) or noam (d_model, factor, warmup_steps)"),
       {QStringLiteral("hf"), QStringLiteral("noam")}},
      {QStringLiteral("timescale"),
       Kind::Real,
       QJsonValue::Null,
       QStringLiteral("hf: decay timescale tau (default warmup_steps, or 10000 without warmup)"),
       {},
       0.0},
      {QStringLiteral("d_model"),
       Kind::Integer,
       512,
       QStringLiteral("noam: model width; the LR scales as d_model^-0.5"),
       {},
       1.0},
      {QStringLiteral("factor"),
       Kind::Real,
       1.0,
       QStringLiteral("noam: overall multiplier (1 in the paper, 2 in the Annotated Transformer)"),
       {},
       0.0},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const Expr n = Expr::step();
    if (p.choice(QStringLiteral("form")) == QLatin1String("noam"))
      return BuiltSchedule{noam(p, n), total};
    const double w = static_cast<double>(p.integer(QStringLiteral("warmup_steps")));
    const double tau = p.has(QStringLiteral("timescale")) ? p.real(QStringLiteral("timescale"))
                       : w > 0.0                          ? w
                                                          : 10000.0;
    p.require(tau > 0.0, QStringLiteral("timescale"), QStringLiteral("must be > 0, got 0"));
    const Expr main = p.real(QStringLiteral("peak_lr")) * (1.0 / sqrt((n + (tau - w)) / tau));
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
