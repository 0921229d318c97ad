#include "schedule/families/common_parameters.h"

#include <cmath>
#include <numbers>

namespace lrscope::families {

using Kind = ParameterSpec::Kind;

ParameterSpec totalStepsParameter() {
  return {QStringLiteral("total_steps"),
          Kind::Integer,
          QJsonValue::Undefined,
          QStringLiteral("number of optimizer updates N; the schedule gives lr[0 .. N-1]"),
          {},
          1.0};
}

ParameterSpec peakLrParameter() {
  return {QStringLiteral("peak_lr"),
          Kind::Real,
          3e-4,
          QStringLiteral("peak (maximum) learning rate, reached at the end of warmup"),
          {},
          0.0};
}

ParameterSpec minLrParameter() {
  return {QStringLiteral("min_lr"),
          Kind::Real,
          0.0,
          QStringLiteral("final learning rate (0 decays to zero)"),
          {},
          0.0};
}

QVector<ParameterSpec> warmupParameters() {
  return {
      {QStringLiteral("warmup_steps"),
       Kind::Integer,
       0,
       QStringLiteral("length W of the warmup ramp in updates"),
       {},
       0.0},
      {QStringLiteral("warmup_convention"),
       Kind::Choice,
       QStringLiteral("zero_start"),
       QStringLiteral("ramp endpoints: zero_start p=n/W, one_step p=(n+1)/W, linspace p=n/(W-1)"),
       {QStringLiteral("zero_start"), QStringLiteral("one_step"), QStringLiteral("linspace")}},
      {QStringLiteral("warmup_shape"),
       Kind::Choice,
       QStringLiteral("linear"),
       QStringLiteral("ramp shape: linear p, cosine (1-cos(pi p))/2, 1-sqrt 1-sqrt(1-p)"),
       {QStringLiteral("linear"), QStringLiteral("cosine"), QStringLiteral("1-sqrt")}},
      {QStringLiteral("warmup_start_factor"),
       Kind::Real,
       0.0,
       QStringLiteral("first warmup LR as a fraction w0 of the peak (0.01: Hägele et al.)"),
       {},
       0.0,
       1.0},
  };
}

Expr warmupRamp(ScheduleParameters& p, const Expr& n, std::int64_t steps, const Expr& start,
                const Expr& target) {
  const QString convention = p.choice(QStringLiteral("warmup_convention"));
  const QString shape = p.choice(QStringLiteral("warmup_shape"));
  const double w = static_cast<double>(steps);
  Expr x = n / w;
  if (convention == QLatin1String("one_step")) x = (n + 1.0) / w;
  if (convention == QLatin1String("linspace")) x = steps > 1 ? n / (w - 1.0) : Expr(0.0);
  Expr f = x;
  if (shape == QLatin1String("cosine")) f = 0.5 * (1.0 - cos(std::numbers::pi * x));
  if (shape == QLatin1String("1-sqrt")) f = 1.0 - sqrt(1.0 - x);
  return start + (target - start) * f;
}

Expr withWarmup(ScheduleParameters& p, const Expr& n, const Expr& main) {
  const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
  if (w == 0) return main;
  if (p.has(QStringLiteral("total_steps")))
    p.require(w < p.integer(QStringLiteral("total_steps")), QStringLiteral("warmup_steps"),
              QStringLiteral("must be shorter than total_steps (%1), got %2")
                  .arg(p.integer(QStringLiteral("total_steps")))
                  .arg(w));
  const Expr target = main.substitute(Expr(static_cast<double>(w)));
  const Expr start = target * p.real(QStringLiteral("warmup_start_factor"));
  return where(n < static_cast<double>(w), warmupRamp(p, n, w, start, target), main);
}

QStringList decayShapeNames() {
  return {QStringLiteral("linear"), QStringLiteral("cosine"),        QStringLiteral("1-sqrt"),
          QStringLiteral("square"), QStringLiteral("mirror_cosine"), QStringLiteral("exponential"),
          QStringLiteral("inverse")};
}

ParameterSpec decayShapeParameter(const QString& defaultShape) {
  return {QStringLiteral("decay_shape"), Kind::Choice, defaultShape,
          QStringLiteral("decay curve: linear, cosine, 1-sqrt, square, mirror_cosine, "
                         "exponential (geometric to min_lr), inverse (harmonic)"),
          decayShapeNames()};
}

Expr decayShape(ScheduleParameters& p, const QString& shape, const Expr& x, double peak,
                double floor, const QString& floorName) {
  const double span = peak - floor;
  if (shape == QLatin1String("exponential") || shape == QLatin1String("inverse")) {
    if (!p.require(floor > 0.0, floorName,
                   QStringLiteral("must be > 0 for the %1 decay shape").arg(shape)))
      return Expr(floor);
    if (shape == QLatin1String("exponential")) return pow(peak, 1.0 - x) * pow(floor, x);
    return 1.0 / ((1.0 - x) / peak + x / floor);
  }
  if (shape == QLatin1String("cosine"))
    return floor + span * (0.5 * (1.0 + cos(std::numbers::pi * x)));
  if (shape == QLatin1String("1-sqrt")) return floor + span * (1.0 - sqrt(x));
  if (shape == QLatin1String("square")) return floor + span * (1.0 - x * x);
  if (shape == QLatin1String("mirror_cosine"))
    return floor + span * (2.0 * (1.0 - x) - 0.5 * (1.0 + cos(std::numbers::pi * x)));
  return floor + span * (1.0 - x);
}

QVector<ParameterSpec> decayLengthParameters(const QString& fractionMeaning) {
  return {{QStringLiteral("decay_steps"),
           Kind::Integer,
           QJsonValue::Null,
           QStringLiteral("decay length D in steps (or give decay_fraction)"),
           {},
           0.0},
          {QStringLiteral("decay_fraction"),
           Kind::Real,
           QJsonValue::Null,
           fractionMeaning,
           {},
           0.0,
           1.0}};
}

std::int64_t decayLength(ScheduleParameters& p, std::int64_t span, double fallbackFraction) {
  if (p.has(QStringLiteral("decay_steps"))) {
    p.require(!p.has(QStringLiteral("decay_fraction")), QStringLiteral("decay_fraction"),
              QStringLiteral("give decay_steps or decay_fraction, not both"));
    return p.integer(QStringLiteral("decay_steps"));
  }
  const double fraction = p.has(QStringLiteral("decay_fraction"))
                              ? p.real(QStringLiteral("decay_fraction"))
                              : fallbackFraction;
  return static_cast<std::int64_t>(std::floor(fraction * static_cast<double>(span) + 1e-9));
}

void requireMinBelowPeak(ScheduleParameters& p, double peak, double minLr) {
  p.require(minLr <= peak, QStringLiteral("min_lr"),
            QStringLiteral("min_lr (%1) is above peak_lr (%2)").arg(minLr).arg(peak));
}

Expr progress(const Expr& n, double begin, double length) {
  return (n - begin) / length;
}

}  // namespace lrscope::families
