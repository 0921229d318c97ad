#include <algorithm>
#include <cmath>
#include <limits>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily powerFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("power");
  f.summary = QStringLiteral(
      "Power scheduler (Shen et al. 2024, IBM): LR falls as a power of the tokens seen, capped at "
      "peak_lr (as Levanter/dolomite compute it); the warmup target and the final decay are "
      "UNVERIFIED and stay parameters");
  f.formula = QStringLiteral(
      "lr(n) = min(peak_lr, batch_size a (n batch_size seq_len)^b), then decay_shape to min_lr "
      "over the last D steps");
  f.parameters = {totalStepsParameter(), peakLrParameter()};
  f.parameters[1].defaultValue = 0.02;
  f.parameters[1].meaning =
      QStringLiteral("LR cap eta_max (default 0.02, the paper's muP value; UNVERIFIED)");
  f.parameters += QVector<ParameterSpec>{
      {QStringLiteral("a"),
       Kind::Real,
       4.6,
       QStringLiteral("power-law amplitude (Levanter default 4.6)"),
       {},
       0.0},
      {QStringLiteral("b"),
       Kind::Real,
       -0.51,
       QStringLiteral("power-law exponent, < 0 (Levanter default -0.51)"),
       {},
       -std::numeric_limits<double>::infinity(),
       0.0},
      {QStringLiteral("batch_size"),
       Kind::Integer,
       QJsonValue::Undefined,
       QStringLiteral("sequences per update (also the LR prefactor beta)"),
       {},
       1.0},
      {QStringLiteral("seq_len"),
       Kind::Integer,
       QJsonValue::Undefined,
       QStringLiteral("tokens per sequence"),
       {},
       1.0},
      minLrParameter(),
  };
  f.parameters += warmupParameters();
  f.parameters << ParameterSpec{
      QStringLiteral("warmup_target"),
      Kind::Choice,
      QStringLiteral("power"),
      QStringLiteral("warmup ramps to: power (the power-law LR at W, as dolomite) or peak "
                     "(peak_lr); UNVERIFIED which the paper uses"),
      {QStringLiteral("power"), QStringLiteral("peak")}};
  f.parameters += decayLengthParameters(QStringLiteral(
      "final decay length as a fraction of N; no decay when neither is given (paper: ~10%, "
      "UNVERIFIED)"));
  f.parameters << decayShapeParameter(QStringLiteral("linear"));
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double a = p.real(QStringLiteral("a"));
    const double b = p.real(QStringLiteral("b"));
    const double batch = static_cast<double>(p.integer(QStringLiteral("batch_size")));
    const double tokensPerStep = batch * static_cast<double>(p.integer(QStringLiteral("seq_len")));
    p.require(a > 0.0, QStringLiteral("a"), QStringLiteral("must be > 0, got 0"));
    p.require(b < 0.0, QStringLiteral("b"), QStringLiteral("must be < 0, got 0"));
    const Expr n = Expr::step();
    // At n = 0 no token has been seen: tokens^b is infinite and the cap applies (Python would
    // raise on 0.0 ** b, so the exported code must not evaluate it there).
    auto powerLr = [&](const Expr& step) {
      return where(step < 1.0, Expr(peak), min(peak, batch * a * pow(step * tokensPerStep, b)));
    };
    Expr main = powerLr(n);
    const std::int64_t d = decayLength(p, total, 0.0);
    p.require(d <= total - w, QStringLiteral("decay_steps"),
              QStringLiteral("decay (%1 steps) overlaps the warmup (%2 of %3 steps)")
                  .arg(d)
                  .arg(w)
                  .arg(total));
    if (d > 0) {
      const double start = static_cast<double>(total - d);
      const double from = powerLr(Expr(start)).constantValue();
      const double floor = p.real(QStringLiteral("min_lr"));
      p.require(floor <= from, QStringLiteral("min_lr"),
                QStringLiteral("min_lr (%1) is above the power-law LR at the decay start (%2)")
                    .arg(floor)
                    .arg(from));
      main = where(n < start, main,
                   decayShape(p, p.choice(QStringLiteral("decay_shape")),
                              progress(n, start, static_cast<double>(d)), from, floor,
                              QStringLiteral("min_lr")));
    }
    if (w > 0 && p.choice(QStringLiteral("warmup_target")) == QLatin1String("peak")) {
      p.require(w < total, QStringLiteral("warmup_steps"),
                QStringLiteral("must be shorter than total_steps (%1), got %2").arg(total).arg(w));
      const Expr ramp =
          warmupRamp(p, n, w, peak * p.real(QStringLiteral("warmup_start_factor")), peak);
      return BuiltSchedule{where(n < static_cast<double>(w), ramp, main), total};
    }
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
