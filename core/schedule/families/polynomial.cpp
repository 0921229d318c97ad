#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily polynomialFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("polynomial");
  f.summary = QStringLiteral(
      "polynomial decay from peak_lr to lr_end after warmup (HF "
      "get_polynomial_decay_schedule_with_warmup; PyTorch PolynomialLR with lr_end = 0 and "
      "decay_steps = total_iters)");
  f.formula = QStringLiteral(
      "lr(n) = (peak_lr - lr_end) max(1 - (n - W)/K, 0)^power + lr_end, K = decay_steps");
  f.parameters = {
      totalStepsParameter(),
      peakLrParameter(),
      {QStringLiteral("lr_end"),
       Kind::Real,
       1e-7,
       QStringLiteral("final learning rate (HF default 1e-7; 0 for PyTorch PolynomialLR)"),
       {},
       0.0},
      {QStringLiteral("power"),
       Kind::Real,
       1.0,
       QStringLiteral("polynomial power (1: linear decay)"),
       {},
       0.0},
      {QStringLiteral("decay_steps"),
       Kind::Integer,
       QJsonValue::Null,
       QStringLiteral("decay length K after warmup, then lr_end (default N - W; PyTorch "
                      "total_iters)"),
       {},
       1.0},
  };
  f.parameters += warmupParameters();
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double end = p.real(QStringLiteral("lr_end"));
    p.require(end <= peak, QStringLiteral("lr_end"),
              QStringLiteral("lr_end (%1) is above peak_lr (%2)").arg(end).arg(peak));
    const double k = static_cast<double>(p.has(QStringLiteral("decay_steps"))
                                             ? p.integer(QStringLiteral("decay_steps"))
                                             : total - w);
    const Expr n = Expr::step();
    const Expr remaining = max(1.0 - (n - static_cast<double>(w)) / k, 0.0);
    const Expr main = (peak - end) * pow(remaining, p.real(QStringLiteral("power"))) + end;
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
