#include <numbers>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily infiniteFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("infinite");
  f.summary = QStringLiteral(
      "infinite LR schedule for continual pre-training (Ibrahim et al. 2024; Singh et al. 2025): "
      "warmup, cosine cooldown to const_lr, constant, exponential anneal to min_lr; defaults and "
      "the anneal exponent are UNVERIFIED");
  f.formula = QStringLiteral(
      "cooldown const_lr + (peak_lr - const_lr)(1 + cos(pi (n-W)/C))/2 for n < W+C; const_lr; "
      "anneal const_lr (min_lr/const_lr)^((n - N_d)/denominator) for n >= N_d = N - A");
  f.parameters = {totalStepsParameter(), peakLrParameter()};
  f.parameters += QVector<ParameterSpec>{
      {QStringLiteral("const_lr"),
       Kind::Real,
       3.75e-5,
       QStringLiteral("LR of the constant phase (default from a third-party implementation; "
                      "UNVERIFIED)"),
       {},
       0.0},
      {QStringLiteral("min_lr"),
       Kind::Real,
       1e-8,
       QStringLiteral("LR the anneal reaches, > 0 (default from a third-party implementation; "
                      "UNVERIFIED)"),
       {},
       0.0},
      {QStringLiteral("cooldown_steps"),
       Kind::Integer,
       0,
       QStringLiteral("length C of the cosine cooldown from peak_lr to const_lr after warmup"),
       {},
       0.0},
      {QStringLiteral("anneal_steps"),
       Kind::Integer,
       0,
       QStringLiteral("length A of the final anneal (0: the schedule ends in the constant phase)"),
       {},
       0.0},
      {QStringLiteral("anneal_tau"),
       Kind::Real,
       QJsonValue::Null,
       QStringLiteral("annealing timescale tau_a (default anneal_steps)"),
       {},
       0.0},
      {QStringLiteral("anneal_denominator"),
       Kind::Choice,
       QStringLiteral("tau"),
       QStringLiteral("exponent denominator: tau (reaches min_lr after tau_a steps) or "
                      "tau_plus_start (tau_a + N_d, a third-party reading of the paper's Eq. 1); "
                      "UNVERIFIED"),
       {QStringLiteral("tau"), QStringLiteral("tau_plus_start")}},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
    const std::int64_t c = p.integer(QStringLiteral("cooldown_steps"));
    const std::int64_t a = p.integer(QStringLiteral("anneal_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double constant = p.real(QStringLiteral("const_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    p.require(constant <= peak, QStringLiteral("const_lr"),
              QStringLiteral("const_lr (%1) is above peak_lr (%2)").arg(constant).arg(peak));
    p.require(w + c + a <= total, QStringLiteral("anneal_steps"),
              QStringLiteral("warmup (%1) + cooldown (%2) + anneal (%3) steps exceed total_steps "
                             "(%4)")
                  .arg(w)
                  .arg(c)
                  .arg(a)
                  .arg(total));
    const Expr n = Expr::step();
    Expr main = constant;
    if (a > 0) {
      p.require(floor > 0.0, QStringLiteral("min_lr"),
                QStringLiteral("must be > 0 for the exponential anneal"));
      p.require(constant > 0.0, QStringLiteral("const_lr"),
                QStringLiteral("must be > 0 for the exponential anneal"));
      p.require(floor <= constant, QStringLiteral("min_lr"),
                QStringLiteral("min_lr (%1) is above const_lr (%2)").arg(floor).arg(constant));
      const double start = static_cast<double>(total - a);
      const double tau = p.has(QStringLiteral("anneal_tau")) ? p.real(QStringLiteral("anneal_tau"))
                                                             : static_cast<double>(a);
      p.require(tau > 0.0, QStringLiteral("anneal_tau"), QStringLiteral("must be > 0, got 0"));
      const double denominator =
          p.choice(QStringLiteral("anneal_denominator")) == QLatin1String("tau") ? tau
                                                                                 : tau + start;
      main = where(n < start, main, constant * pow(floor / constant, (n - start) / denominator));
    }
    if (c > 0) {
      const double end = static_cast<double>(w + c);
      const Expr x = progress(n, static_cast<double>(w), static_cast<double>(c));
      main = where(n < end, constant + (peak - constant) / 2.0 * (1.0 + cos(std::numbers::pi * x)),
                   main);
    }
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
